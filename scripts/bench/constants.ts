export const BENCH_PASSPHRASE = 'benchmark passphrase, not a secret';
