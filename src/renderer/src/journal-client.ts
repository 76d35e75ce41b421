import type { JournalBridge, JournalClient } from '../../shared/contract';
import { JournalError } from '../../shared/errors';
import { METHOD_NAMES } from '../../shared/methods';

declare global {
  interface Window {
    journal?: JournalBridge;
  }
}

/** Wraps the preload's result-returning bridge into functions that reject with JournalError. */
export function createClient(bridge: JournalBridge): JournalClient {
  return Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      async (input: unknown) => {
        const call = bridge[method] as (
          value: unknown,
        ) => Promise<Awaited<ReturnType<JournalBridge[typeof method]>>>;
        const result = await call(input);
        if (!result.ok) throw new JournalError(result.error.code, result.error.message);
        return result.value;
      },
    ]),
  ) as JournalClient;
}
