import type { JournalBridge } from '../../shared/contract';
import { JournalError, type Result } from '../../shared/errors';
import { bridgeFromRequest } from '../../shared/client';

const TOKEN_KEY = 'lean-on-bridge-token';

/**
 * The web preview bridge (npm run start:web) speaks the same contract over HTTP on 127.0.0.1.
 * Its per-run token arrives once in the address; it is kept for this tab only and taken out of
 * the address bar so it is not left in history.
 */
function webBridge(): JournalBridge | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const call = async (method: string, input: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ method, input }),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as Result<unknown>;
    } catch {
      const error = new JournalError('INTERNAL', 'Lean On lost its connection to the journal.');
      return { ok: false, error: error.toValue() };
    }
  };
  return bridgeFromRequest(call);
}

/** The Electron preload's bridge when there is one, else the web preview bridge. */
export function findBridge(): JournalBridge | null {
  return window.journal ?? webBridge();
}
