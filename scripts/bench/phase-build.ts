// The build phase, run in its own process from a bundle (see run.ts).
import { parseArgs } from 'node:util';
import { buildCorpus } from './build';

const { values } = parseArgs({
  options: { entries: { type: 'string' }, seed: { type: 'string' }, dir: { type: 'string' } },
});
const built = await buildCorpus(values.dir!, Number(values.entries), Number(values.seed));
process.stderr.write(
  `  built in ${built.buildSeconds.encrypted.toFixed(1)} s (encrypted) and ${built.buildSeconds.plain.toFixed(1)} s (plain)\n`,
);
