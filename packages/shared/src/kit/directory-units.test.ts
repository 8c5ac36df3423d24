import { AppError } from '../errors';
import { DIRECTORY_UNITS_CACHE_MS, createDirectoryUnits } from './directory-units';

/** A directory answering `GET /internal/units?kind=` from `units`, counting the calls per kind. */
function fakeDirectory(units: Record<string, string[]>) {
  const asked: string[] = [];
  let down = false;
  const fetch = (async (url: string) => {
    const kind = new URL(url).searchParams.get('kind') ?? '';
    asked.push(kind);
    if (down) throw new TypeError('fetch failed');
    const body = (units[kind] ?? []).map((id) => ({
      id,
      code: id,
      name: id,
      kind,
      agencyId: 'agency',
      agencyName: 'agency',
      headId: null,
      deputyIds: [],
    }));
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, asked, goDown: () => (down = true) };
}

describe('createDirectoryUnits (the one copy of "unit ids of a kind, kept a minute")', () => {
  it('keeps each kind a minute, then asks again; fails closed with the caller’s message', async () => {
    const directory = fakeDirectory({ leadership: ['u-lead'], legalReview: ['u-fz1', 'u-fz2'] });
    let now = 1_000_000;
    const units = createDirectoryUnits({
      baseUrl: 'http://directory.test/',
      token: () => 'token',
      fetch: directory.fetch,
      now: () => now,
      unavailable: '人员目录暂不可用，请稍后重试',
    });

    expect(await units.unitIdsOfKind('leadership')).toEqual(['u-lead']);
    expect(await units.unitIdsOfKind('legalReview')).toEqual(['u-fz1', 'u-fz2']);
    now += DIRECTORY_UNITS_CACHE_MS - 1;
    expect(await units.unitIdsOfKind('leadership')).toEqual(['u-lead']);
    expect(directory.asked).toEqual(['leadership', 'legalReview']);

    now += 1;
    expect(await units.unitIdsOfKind('leadership')).toEqual(['u-lead']);
    expect(directory.asked).toEqual(['leadership', 'legalReview', 'leadership']);

    directory.goDown();
    now += DIRECTORY_UNITS_CACHE_MS;
    const refused = await units.unitIdsOfKind('leadership').catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: 'unavailable',
      status: 503,
      message: '人员目录暂不可用，请稍后重试',
    });
  });
});
