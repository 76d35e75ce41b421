import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface Argon2Params {
  name: 'argon2id';
  /** Memory in KiB. */
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/**
 * About 0.25-0.5 s on a current laptop, well above OWASP's floor (19 MiB, t=2, p=1).
 * Stored in the keyring, so older journals keep opening if these change.
 */
export const DEFAULT_KDF: Argon2Params = {
  name: 'argon2id',
  memoryKiB: 64 * 1024,
  iterations: 4,
  parallelism: 1,
};

/** OWASP's minimum; used by tests and benchmarks that create many journals. */
export const MINIMUM_KDF: Argon2Params = {
  name: 'argon2id',
  memoryKiB: 19 * 1024,
  iterations: 2,
  parallelism: 1,
};

export function isAcceptableKdf(params: Argon2Params): boolean {
  return (
    params.name === 'argon2id' &&
    Number.isInteger(params.memoryKiB) &&
    Number.isInteger(params.iterations) &&
    Number.isInteger(params.parallelism) &&
    params.memoryKiB >= MINIMUM_KDF.memoryKiB &&
    params.memoryKiB <= 4 * 1024 * 1024 &&
    params.iterations >= MINIMUM_KDF.iterations &&
    params.iterations <= 100 &&
    params.parallelism >= 1 &&
    params.parallelism <= 16
  );
}

/**
 * Argon2 runs in a short-lived thread of its own: its working memory (64 MiB by default) is
 * returned to the system the moment the thread ends, instead of staying in the journal's
 * long-running process until the next full garbage collection.
 */
const KDF_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { argon2id } = require(workerData.module);
argon2id({ ...workerData.options, outputType: 'binary' }).then(
  (hash) => parentPort.postMessage(hash),
  (error) => parentPort.postMessage({ error: String(error && error.message || error) }),
);
`;

export async function deriveKey(
  secret: Uint8Array,
  salt: Uint8Array,
  params: Argon2Params,
): Promise<Buffer> {
  const options = {
    password: Uint8Array.from(secret),
    salt: Uint8Array.from(salt),
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 32,
  };
  const module = createRequire(import.meta.url).resolve('hash-wasm');
  const worker = new Worker(KDF_THREAD, { eval: true, workerData: { module, options } });
  try {
    const result = await new Promise<unknown>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) =>
        reject(new Error(`The key derivation thread stopped (${code}).`)),
      );
    });
    if (!(result instanceof Uint8Array)) {
      throw new Error((result as { error?: string }).error ?? 'Key derivation failed.');
    }
    return Buffer.from(result);
  } finally {
    options.password.fill(0);
    await worker.terminate();
  }
}
