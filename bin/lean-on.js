#!/usr/bin/env node
// The built command line (npm run build writes out/main/cli.js). Needs Node 22.12 or later.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(built))) {
  process.stderr.write('lean-on: run "npm run build" first (or use "npm run cli -- ...").\n');
  process.exit(1);
}
await import(built.href);
