import type { Router } from 'express';
import type { TRouteDeps } from '../http/route-support';

export function registerReportPages(_router: Router, _deps: TRouteDeps): void {}
