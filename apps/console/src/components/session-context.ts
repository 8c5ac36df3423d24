import { createContext, useContext } from 'react';
import type { TSession } from '../api/session';

export const SessionContext = createContext<TSession | null>(null);

/** The signed-in person (inside the layout, always present). */
export function useSession(): TSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the console layout');
  return session;
}
