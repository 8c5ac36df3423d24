import type { Adapter, AdapterConstructor, AdapterPayload } from 'oidc-provider';
import type { Prisma } from '../generated/prisma/client';
import type { TDb } from './prisma-client';

/**
 * oidc-provider's storage in the provider's own PostgreSQL database (table `OidcPayload`): sessions,
 * interactions, grants, authorization codes and refresh tokens survive a restart of the provider and
 * are shared by several instances of it. The provider signs its JWT access tokens and does not store
 * them. Expired rows are never returned; `pruneExpired` deletes them.
 */
export function oidcAdapter(db: TDb, now: () => Date = () => new Date()): AdapterConstructor {
  const live = () => ({ OR: [{ expiresAt: null }, { expiresAt: { gt: now() } }] });
  const toPayload = (row: { payload: Prisma.JsonValue; consumedAt: Date | null } | null) => {
    if (!row) return undefined;
    const payload = row.payload as unknown as AdapterPayload;
    // The provider reads `consumed` (seconds since the epoch) to refuse a code used twice.
    return row.consumedAt ? { ...payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) } : payload;
  };

  return class PostgresOidcAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number) {
      const fields = {
        payload: payload as unknown as Prisma.InputJsonValue,
        grantId: typeof payload.grantId === 'string' ? payload.grantId : null,
        userCode: typeof payload.userCode === 'string' ? payload.userCode : null,
        uid: typeof payload.uid === 'string' ? payload.uid : null,
        expiresAt: expiresIn ? new Date(now().getTime() + expiresIn * 1000) : null,
      };
      await db.oidcPayload.upsert({
        where: { model_id: { model: this.model, id } },
        create: { model: this.model, id, ...fields },
        update: fields,
      });
    }

    async find(id: string) {
      return toPayload(await db.oidcPayload.findFirst({ where: { model: this.model, id, ...live() } }));
    }

    async findByUid(uid: string) {
      return toPayload(await db.oidcPayload.findFirst({ where: { model: this.model, uid, ...live() } }));
    }

    async findByUserCode(userCode: string) {
      return toPayload(await db.oidcPayload.findFirst({ where: { model: this.model, userCode, ...live() } }));
    }

    async consume(id: string) {
      await db.oidcPayload.updateMany({ where: { model: this.model, id }, data: { consumedAt: now() } });
    }

    async destroy(id: string) {
      await db.oidcPayload.deleteMany({ where: { model: this.model, id } });
    }

    async revokeByGrantId(grantId: string) {
      await db.oidcPayload.deleteMany({ where: { grantId } });
    }
  };
}

/** Deletes what has expired (run now and then); returns how many rows. */
export async function pruneExpired(db: TDb, now: Date = new Date()): Promise<number> {
  const { count } = await db.oidcPayload.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
