import type { Router } from 'express';
import type { TRouteDeps } from '../http/route-support';

export function registerCataloguePages(_router: Router, _deps: TRouteDeps): void {}
