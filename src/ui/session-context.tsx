/**
 * The session handed down to the UI through React context (zustand's
 * "initialize state with props" pattern): main.tsx creates the tab's session
 * and wraps the app in <SessionProvider>; a test renders with its own.
 * Components never import a module-level instance.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { TraceSession } from '../session/index.ts';
import type { WarrenState } from '../store/index.ts';

const SessionContext = createContext<TraceSession | null>(null);

export function SessionProvider({ session, children }: { session: TraceSession; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The session of the surrounding <SessionProvider>: its actions, capture and view. */
export function useSession(): TraceSession {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession: no <SessionProvider> above this component');
  return session;
}

/** A narrow slice of the session's store; re-renders only when the selected value changes. */
export function useWarrenStore<T>(selector: (state: WarrenState) => T): T {
  return useStore(useSession().store, selector);
}
