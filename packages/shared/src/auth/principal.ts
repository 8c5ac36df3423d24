import { z } from 'zod';
import { ZRole } from '../domain/roles';

/** The authenticated caller, from the verified token's claims. */
export const ZPrincipal = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  roles: z.array(ZRole).min(1),
  /** The person's unit (directory unit id). Machine tokens have none; development tokens may omit it. */
  unitId: z.string().min(1).optional(),
  /** 执法证号; officers carry one. */
  certificateNumber: z.string().optional(),
});
export type TPrincipal = z.infer<typeof ZPrincipal>;

/** JWT claims we issue and accept: standard `sub`, plus name, unit, roles and cert. */
export const ZTokenClaims = z.object({
  sub: z.string().min(1),
  name: z.string().min(1),
  unit: z.string().min(1).optional(),
  roles: z.array(ZRole).min(1),
  cert: z.string().min(1).optional(),
});
export type TTokenClaims = z.infer<typeof ZTokenClaims>;

/**
 * The `token_use` claim of the worker's HS256 machine tokens. Only such a token may carry the
 * `system` role; a person's token (development or identity provider) claiming it is refused.
 */
export const MACHINE_TOKEN_USE = 'machine';
