import { argon2id } from 'hash-wasm';

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

export async function deriveKey(
  secret: Uint8Array,
  salt: Uint8Array,
  params: Argon2Params,
): Promise<Buffer> {
  const derived = await argon2id({
    password: secret,
    salt,
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
  return Buffer.from(derived);
}
