import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { z } from 'zod';

const ZPrivateRsaJwk = z
  .object({ kty: z.literal('RSA'), n: z.string(), e: z.string(), d: z.string(), kid: z.string().min(1) })
  .loose();

/**
 * The provider's signing key (a private RS256 JWK) from OIDC_SIGNING_KEY_FILE. The local provider
 * generates one when the file is absent (mode 0600, e.g. under `.local/`); a deployment mounts its own.
 */
export async function loadOrCreateSigningKey(file: string): Promise<{ key: JWK; created: boolean }> {
  try {
    const parsed = ZPrivateRsaJwk.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file} is not a private RSA JWK with a kid`);
    return { key: { ...parsed.data, alg: 'RS256', use: 'sig' }, created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const key: JWK = { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(key)}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(file, 0o600);
  return { key, created: true };
}
