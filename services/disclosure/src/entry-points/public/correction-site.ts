import type { Router } from 'express';
import type { TRouteDeps } from '../http/route-support';

export function registerCorrectionPages(_router: Router, _deps: TRouteDeps): void {}
