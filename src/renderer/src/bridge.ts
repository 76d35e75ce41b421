import type { JournalBridge } from '../../shared/contract';
import { JournalError, type Result } from '../../shared/errors';
import { bridgeFromRequest } from '../../shared/client';
import { isCallProgress } from '../../shared/progress';
import { emitProgress } from './progress';

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
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/x-ndjson',
          Authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ method, input }),
      });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      return await readStream(response.body);
    } catch {
      const error = new JournalError('INTERNAL', 'Lean On lost its connection to the journal.');
      return { ok: false, error: error.toValue() };
    }
  };
  return bridgeFromRequest(call);
}

/** Reads the bridge's answer: progress lines, passed on as they come, then the result line. */
async function readStream(body: ReadableStream<Uint8Array>): Promise<Result<unknown>> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = JSON.parse(buffered.slice(0, newline)) as {
        progress?: unknown;
        result?: Result<unknown>;
      };
      buffered = buffered.slice(newline + 1);
      if (line.result) return line.result;
      if (isCallProgress(line.progress)) emitProgress(line.progress);
      newline = buffered.indexOf('\n');
    }
  }
  throw new Error('The answer ended before its result.');
}

/** The Electron preload's bridge when there is one, else the web preview bridge. */
export function findBridge(): JournalBridge | null {
  return window.journal ?? webBridge();
}
