import { createContext, useContext } from 'react';
import type { JournalClient } from '../../shared/contract';

/** The one JournalClient of this window, provided once at the root (see main.tsx). */
export const JournalClientContext = createContext<JournalClient | null>(null);

export function useJournalClient(): JournalClient {
  const client = useContext(JournalClientContext);
  if (!client) throw new Error('useJournalClient needs a JournalClientContext provider above it.');
  return client;
}
