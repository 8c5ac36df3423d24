import request from 'supertest';
import type { Express } from 'express';
import { createLogger } from '@sanxiang/shared';
import { testConfig } from '@sanxiang/testing';
import { createApp as createDirectoryApp } from '@sanxiang/directory';
import { createApp as createDisclosureApp } from '@sanxiang/disclosure';
import { createApp as createInspectionApp } from '@sanxiang/inspection';
import { createApp as createLegalReviewApp } from '@sanxiang/legal-review';
import { createApp as createNotificationsApp } from '@sanxiang/notifications';
import { createApp as createRecordingApp } from '@sanxiang/recording';

/**
 * Building an app registers its routes, which is all the OpenAPI document needs: its databases,
 * Temporal client and object store are never called while the document is served. Each stands in
 * as an object that throws when anything is used, so a route that touched one at build time shows.
 */
const unused = (what: string): never =>
  new Proxy(
    {},
    {
      get: (_target, key) => {
        if (key === 'then') return undefined;
        throw new Error(`${what}.${String(key)} used while building the OpenAPI document`);
      },
    },
  ) as never;

const temporal = () => ({ client: unused('temporal.client'), connection: unused('temporal.connection') });
const logger = () => createLogger({ name: 'openapi-document', level: 'silent' });

const apps: Record<string, () => Express> = {
  disclosure: () =>
    createDisclosureApp({
      config: testConfig('disclosure', { DATABASE_URL: 'postgres://unused/unused' }),
      db: unused('db'),
      publicReads: unused('publicReads'),
      temporal: temporal(),
      logger: logger(),
    }),
  recording: () =>
    createRecordingApp({
      config: testConfig('recording', { DATABASE_URL: 'postgres://unused/unused' }),
      db: unused('db'),
      temporal: temporal(),
      logger: logger(),
      store: unused('store'),
    }),
  directory: () =>
    createDirectoryApp({
      config: testConfig('directory', { DATABASE_URL: 'postgres://unused/unused' }),
      db: unused('db'),
      logger: logger(),
    }),
  notifications: () =>
    createNotificationsApp({
      config: testConfig('notifications', { DATABASE_URL: 'postgres://unused/unused' }),
      db: unused('db'),
      calendar: unused('calendar'),
      logger: logger(),
    }),
  inspection: () =>
    createInspectionApp({
      config: testConfig('inspection', { DATABASE_URL: 'postgres://unused/unused' }),
      db: unused('db'),
      directory: unused('directory'),
      workflows: unused('workflows'),
      recording: unused('recording'),
      logger: logger(),
    }),
  'legal-review': () =>
    createLegalReviewApp({
      config: testConfig('legal-review', { DATABASE_URL: 'postgres://unused/unused' }),
      db: unused('db'),
      temporal: temporal(),
      logger: logger(),
    }),
};

export const serviceNames = Object.keys(apps);

/** The document a service serves at /openapi.json. */
export async function serviceDocument(name: string): Promise<TOpenApiDocument> {
  const res = await request(apps[name]!()).get('/openapi.json');
  if (res.status !== 200) throw new Error(`${name}: /openapi.json answered ${res.status}`);
  return res.body as TOpenApiDocument;
}

export interface TOpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, TOperation>>;
  components?: { schemas?: Record<string, unknown> };
}
export interface TOperation {
  operationId?: string;
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, unknown> }>;
  parameters?: { name: string; schema?: { pattern?: string } }[];
}
