/** The signed-in person, as the console server tells it (the browser never holds a token). */
export interface TSessionUser {
  id: string;
  name: string;
  /** Unit id in the directory. */
  unit: string | null;
  /** Unit name, for people to read. */
  unitName: string | null;
  roles: string[];
}

/** The console server sets this header on its own 401s (no session, or it ended). */
export const SESSION_HEADER = 'x-console-session';

export interface TSession {
  user: TSessionUser;
  /** Sent back in `X-CSRF-Token` with every state-changing request. */
  csrfToken: string;
  /** Admins only, when configured: the Temporal Web UI, for the link from a case to its workflow. */
  temporalUi?: { url: string; namespace: string };
  /** When configured: the public platform's address, for links to a record's public page. */
  publicPlatformUrl?: string;
}

/** The Temporal Web UI's page of a case's lifecycle workflow (`case-lifecycle:<案号>`). */
export function workflowUiUrl(ui: { url: string; namespace: string }, workflowId: string): string {
  return `${ui.url}/namespaces/${encodeURIComponent(ui.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

let csrfToken: string | undefined;
export const currentCsrfToken = () => csrfToken;

export function signInUrl(returnTo = window.location.pathname + window.location.search): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}

/** Null when nobody is signed in. */
export async function fetchSession(): Promise<TSession | null> {
  const res = await fetch('/auth/session', { headers: { accept: 'application/json' } });
  if (res.status === 401) return null;
  if (!res.ok) throw new Error(`会话查询失败（${res.status}）`);
  const session = (await res.json()) as TSession;
  csrfToken = session.csrfToken;
  return session;
}

export async function signOut(): Promise<void> {
  const res = await fetch('/auth/logout', {
    method: 'POST',
    headers: { 'x-csrf-token': csrfToken ?? '', accept: 'application/json' },
  });
  const body = (await res.json().catch(() => ({}))) as { redirectTo?: string };
  window.location.assign(body.redirectTo ?? '/');
}
