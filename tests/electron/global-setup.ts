import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { type FullConfig } from '@playwright/test';

/** Builds the app once, so Electron runs what the sources say now. */
export default function globalSetup(config: FullConfig): void {
  const root = config.configFile ? dirname(config.configFile) : process.cwd();
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error) throw result.error;
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`electron-vite build failed (exit ${result.status}).`);
  }
}
