// One phase of the benchmark, run in its own process from a bundle (see run.ts), so that
// timings and peak RSS are the journal's own and not a TypeScript loader's.
import { parseArgs } from 'node:util';
import { buildCorpus } from './build';
import { measure } from './measure';

const { values } = parseArgs({
  options: {
    phase: { type: 'string' },
    entries: { type: 'string' },
    seed: { type: 'string' },
    dir: { type: 'string' },
  },
});

if (values.phase === 'build') {
  const built = await buildCorpus(values.dir!, Number(values.entries), Number(values.seed));
  process.stderr.write(
    `  built in ${built.buildSeconds.encrypted.toFixed(1)} s (encrypted) and ${built.buildSeconds.plain.toFixed(1)} s (plain)\n`,
  );
} else if (values.phase === 'measure') {
  process.stdout.write(JSON.stringify(await measure(values.dir!)));
} else {
  throw new Error('--phase is build or measure');
}
