// The measuring phase, run in its own process from a bundle that holds only the journal core
// (see run.ts), so that timings and peak RSS are the app's own.
import { parseArgs } from 'node:util';
import { measure } from './measure';

const { values } = parseArgs({ options: { dir: { type: 'string' } } });
process.stdout.write(JSON.stringify(await measure(values.dir!)));
