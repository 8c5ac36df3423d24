import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as DirectoryPaths } from '../generated/api/directory';
import type { paths as DisclosurePaths } from '../generated/api/disclosure';
import type { paths as InspectionPaths } from '../generated/api/inspection';
import type { paths as LegalReviewPaths } from '../generated/api/legal-review';
import type { paths as NotificationsPaths } from '../generated/api/notifications';
import type { paths as RecordingPaths } from '../generated/api/recording';
import { currentCsrfToken, SESSION_HEADER, signInUrl } from './session';

/**
 * One typed client per service, generated from its /openapi.json (openapi-typescript) and called
 * through the console server's proxy (`/api/<service>/…`), which adds the user's token.
 */
const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      request.headers.set('x-csrf-token', currentCsrfToken() ?? '');
    return request;
  },
  onResponse({ response }) {
    // The session ended (expired, signed out elsewhere, refresh refused): sign in again, then come
    // back. Only on the console's own 401: a service refusing a token must not loop through sign-in.
    if (response.status === 401 && response.headers.get(SESSION_HEADER) === 'none')
      window.location.assign(signInUrl());
    return response;
  },
};

function client<TPaths extends object>(service: string) {
  // Lists in queries are comma-separated (the services' `csvOf`).
  const c = createClient<TPaths>({
    baseUrl: `/api/${service}`,
    querySerializer: { array: { style: 'form', explode: false } },
  });
  c.use(sessionMiddleware);
  return c;
}

export const recordingApi = client<RecordingPaths>('recording');
export const legalReviewApi = client<LegalReviewPaths>('legal-review');
export const disclosureApi = client<DisclosurePaths>('disclosure');
export const directoryApi = client<DirectoryPaths>('directory');
export const notificationsApi = client<NotificationsPaths>('notifications');
export const inspectionApi = client<InspectionPaths>('inspection');
