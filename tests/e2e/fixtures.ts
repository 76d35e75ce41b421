import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Readable } from 'node:stream';
import { test as base, expect } from '@playwright/test';

/** One running web preview bridge (scripts/web/serve.ts) over its own temp journal. */
export interface Bridge {
  /** http://127.0.0.1:PORT: the only origin the app may ever talk to. */
  origin: string;
  port: number;
  token: string;
  /** The address the bridge printed, token included: what a user would open. */
  appUrl: string;
  journalDir: string;
}

interface Fixtures {
  bridge: Bridge;
  appUrl: string;
  /** Every URL the test's pages requested, in order (filled by the context fixture). */
  requests: string[];
  /**
   * For tests that feed the page hostile markup on purpose: Content-Security-Policy reports of
   * inline code or styles that the policy *blocked* are then expected, not failures. Anything
   * that ran, or any other page error, still fails the test.
   */
  blockedInlineCodeExpected: boolean;
}

type BridgeProcess = ChildProcessByStdio<null, Readable, Readable>;

const READY = /^READY (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))$/;
const READY_TIMEOUT_MS = 45_000;

/** Resolves with the READY line's parts; rejects if the bridge exits or stays silent. */
function waitForReady(child: BridgeProcess, stdoutLines: string[], stderr: () => string) {
  return new Promise<{ appUrl: string; port: number; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`The bridge printed no READY line in ${READY_TIMEOUT_MS} ms.\n${stderr()}`));
    }, READY_TIMEOUT_MS);
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdoutLines.push(line);
      const match = READY.exec(line);
      if (stdoutLines.length === 1 && match) {
        clearTimeout(timer);
        resolve({ appUrl: match[1]!, port: Number(match[2]), token: match[3]! });
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The bridge exited (${signal ?? code}) before READY.\n${stderr()}`));
    });
  });
}

async function stopBridge(child: BridgeProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture names from this pattern.
  bridge: async ({}, use, testInfo) => {
    const configFile = testInfo.config.configFile;
    if (!configFile) throw new Error('Run the e2e tests through playwright.config.ts.');
    const journalDir = await mkdtemp(join(tmpdir(), 'lean-on-e2e-'));
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.LEAN_ON_JOURNAL;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/web/serve.ts', '--journal', journalDir, '--port', '0'],
      { cwd: dirname(configFile), env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const stdoutLines: string[] = [];
    try {
      const ready = await waitForReady(child, stdoutLines, () => stderr);
      await use({ ...ready, origin: `http://127.0.0.1:${ready.port}`, journalDir });
      expect(stdoutLines, 'the bridge writes nothing to stdout but its READY line').toHaveLength(1);
    } finally {
      await stopBridge(child);
      await rm(journalDir, { recursive: true, force: true });
      if (stderr && testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('bridge stderr', { body: stderr, contentType: 'text/plain' });
      }
    }
  },

  blockedInlineCodeExpected: [false, { option: true }],

  appUrl: async ({ bridge }, use) => {
    await use(bridge.appUrl);
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture names from this pattern.
  requests: async ({}, use) => {
    await use([]);
  },

  /**
   * The app is offline: every page request must go to the bridge's own origin. Anything else is
   * recorded, blocked before it leaves, and fails the test; so do uncaught page errors and
   * Content-Security-Policy violations.
   */
  context: async ({ context, bridge, requests, blockedInlineCodeExpected }, use) => {
    const foreign: string[] = [];
    const pageErrors: string[] = [];
    context.on('request', (request) => {
      const url = request.url();
      requests.push(url);
      // A data: URL is decoded in the page and goes nowhere.
      if (!url.startsWith('data:') && new URL(url).origin !== bridge.origin) {
        foreign.push(`${request.method()} ${url}`);
      }
    });
    await context.route(
      (url) => url.origin !== bridge.origin,
      (route) => route.abort('blockedbyclient'),
    );
    await context.routeWebSocket(/.*/, (socket) => {
      foreign.push(`WebSocket ${socket.url()}`);
      return socket.close();
    });
    context.on('weberror', (error) => pageErrors.push(String(error.error())));
    context.on('console', (message) => {
      const text = message.text();
      if (message.type() !== 'error' || !text.includes('Content Security Policy')) return;
      if (blockedInlineCodeExpected && text.endsWith('The action has been blocked.')) return;
      pageErrors.push(text);
    });

    await use(context);

    expect(foreign, `requests that left ${bridge.origin}`).toEqual([]);
    expect(pageErrors, 'uncaught page errors and CSP violations').toEqual([]);
  },
});

export { expect };
