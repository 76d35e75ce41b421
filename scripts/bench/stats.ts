/** Timing helpers: warm up, run many times, report percentiles; never a single timing. */

export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured, in milliseconds. */
export function time(fn: (run: number) => void, runs: number, warmup = Math.min(10, runs)): Timing {
  for (let run = 0; run < warmup; run += 1) fn(run);
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    fn(run);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '-';
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}
