/**
 * npm run test:electron: the Electron smoke tests (playwright.electron.config.ts), or, where no
 * Electron binary is installed (a build server, this repository's CI without network), the one
 * line `skipped: no Electron binary` and exit 0.
 *
 * It looks for the binary the way the electron package's index.js does (path.txt, then dist/, or
 * ELECTRON_OVERRIDE_DIST_PATH) but without requiring it: since Electron 45 that require tries to
 * download a missing binary, and a test run must not go online. Install it deliberately with
 * `npx install-electron`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  try {
    const packageDir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const binary = override
      ? join(override, relative || 'electron')
      : relative && join(packageDir, 'dist', relative);
    return binary && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

if (electronBinary() === null) {
  console.log('skipped: no Electron binary');
  process.exit(0);
}

const playwright = [
  process.execPath,
  require.resolve('@playwright/test/cli'),
  'test',
  '-c',
  'playwright.electron.config.ts',
  ...process.argv.slice(2),
];
// Electron opens real windows: on a Linux machine without a display, lend it a virtual one.
const headless =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (headless && !hasCommand('xvfb-run')) {
  console.error(
    'test:electron: Electron needs a display here; install xvfb (apt-get install xvfb).',
  );
  process.exit(1);
}
const [command, ...args] = headless ? ['xvfb-run', '--auto-servernum', ...playwright] : playwright;
const result = spawnSync(command!, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
