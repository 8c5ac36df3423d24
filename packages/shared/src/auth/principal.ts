import { z } from 'zod';
import { ZRole } from '../domain/roles';

/** The authenticated caller, from the verified token's claims. */
export const ZPrincipal = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  roles: z.array(ZRole).min(1),
  /** 执法证号; officers carry one. */
  certificateNumber: z.string().optional(),
});
export type TPrincipal = z.infer<typeof ZPrincipal>;

/** JWT claims we issue and accept: standard `sub`, plus name, roles and cert. */
export const ZTokenClaims = z.object({
  sub: z.string().min(1),
  name: z.string().min(1),
  roles: z.array(ZRole).min(1),
  cert: z.string().optional(),
});
