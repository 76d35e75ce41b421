import type { JournalBridge, JournalClient } from './contract';
import { JournalError, type Result } from './errors';
import { METHOD_NAMES } from './methods';

/** Sends one call through whatever transport a front has (worker, IPC, HTTP). */
export type RequestFn = (method: string, input: unknown) => Promise<Result<unknown>>;

/** One function per contract method, each resolving to the call's result value. */
export function bridgeFromRequest(request: RequestFn): JournalBridge {
  return Object.fromEntries(
    METHOD_NAMES.map((method) => [method, (input: unknown) => request(method, input)]),
  ) as JournalBridge;
}

/** One function per contract method, each rejecting with a JournalError when the call fails. */
export function clientFromRequest(request: RequestFn): JournalClient {
  return Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      async (input: unknown) => {
        const result = await request(method, input);
        if (!result.ok) throw new JournalError(result.error.code, result.error.message);
        return result.value;
      },
    ]),
  ) as JournalClient;
}

/** The typed client over a bridge (the preload's or the web preview's). */
export function clientFromBridge(bridge: JournalBridge): JournalClient {
  return clientFromRequest((method, input) =>
    (bridge[method as keyof JournalBridge] as (value: unknown) => Promise<Result<unknown>>)(input),
  );
}
