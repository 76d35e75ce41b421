import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { type FullConfig } from '@playwright/test';

/**
 * Builds the app once before any test, so every bridge a test starts finds out/ fresh and
 * serves at once instead of each running its own build.
 */
export default function globalSetup(config: FullConfig): void {
  const root = config.configFile ? dirname(config.configFile) : process.cwd();
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error) throw result.error;
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`electron-vite build failed (exit ${result.status}).`);
  }
  process.stdout.write(`Built the app in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}
