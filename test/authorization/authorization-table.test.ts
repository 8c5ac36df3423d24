/**
 * The authorisation table (authorization-table.ts) is the route table's: every operation every
 * service publishes, with the roles its route declares (`x-roles` in /openapi.json), and nothing
 * else; docs/authorization.md shows it as generated. The walk against running services is
 * role-matrix.test.ts.
 */
import { readFileSync } from 'node:fs';
import { serviceDocument } from '../openapi/service-documents';
import { accessRules, authorizationTable, authorizedServices } from './authorization-table';
import {
  authorizationDocPath,
  authorizationTableIn,
  renderAuthorizationTable,
} from './render-authorization-doc';

type TPublished = Record<string, Record<string, { 'x-roles'?: unknown }>>;

describe('the authorisation table', () => {
  it('is what docs/authorization.md shows', () => {
    // On a difference: npx tsx test/authorization/render-authorization-doc.ts --write
    expect(authorizationTableIn(readFileSync(authorizationDocPath, 'utf8'))).toBe(renderAuthorizationTable());
  });

  it.each(authorizedServices)(
    'has exactly the operations of %s, with the roles their routes publish',
    async (service) => {
      const doc = await serviceDocument(service);
      const published = Object.entries(doc.paths as unknown as TPublished).flatMap(([p, item]) =>
        Object.entries(item).map(([m, op]) => ({
          operation: `${m.toUpperCase()} ${p}`,
          roles: op['x-roles'],
        })),
      );
      const table = authorizationTable[service];
      expect(published.map((o) => o.operation).sort()).toEqual(Object.keys(table).sort());
      for (const { operation, roles } of published) {
        const access = table[operation]!;
        expect({ operation, roles }).toEqual({ operation, roles: access.roles });
        // Public routes and only they have the public rule; machine-only routes list only `system`.
        expect({ operation, public: access.rule === 'public' }).toEqual({
          operation,
          public: roles === 'public',
        });
        if (access.rule === 'machine') expect({ operation, roles }).toEqual({ operation, roles: ['system'] });
        expect(accessRules[access.rule]).toBeDefined();
      }
    },
  );
});
