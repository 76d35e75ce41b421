import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** Runs the app's build when out/ is missing or older than any source or resource file. */
export function ensureBuilt(outDir: string): void {
  const marker = join(outDir, 'renderer', 'index.html');
  const worker = join(outDir, 'main', 'core-worker.js');
  const stale =
    !existsSync(marker) ||
    !existsSync(worker) ||
    Math.max(newest('src'), newest('resources')) >
      Math.min(statSync(marker).mtimeMs, statSync(worker).mtimeMs);
  if (!stale) return;
  process.stderr.write('Building the app (electron-vite build)…\n');
  // Build output goes to stderr: stdout carries only the READY line.
  const result = spawnSync(
    process.execPath,
    [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    { stdio: ['ignore', 2, 2] },
  );
  if (result.status !== 0) throw new Error('The build failed.');
}
