// npm run bench:window [-- --entries 10000]
// The journal window in Debian's Chromium against the web preview bridge, on a copy of the
// benchmark journal built by `npm run bench -- --entries N`: unlock-to-list after key
// derivation, opening an entry, keystroke-to-paint in a 5,000-word entry, scrolling the whole
// list, and the renderer's heap. Prints a table and JSON; never passes or fails anything.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { readKeyring, unlockSlot } from '../../src/core/keyring';
import { passphraseBytes } from '../../src/core/secrets';
import { paragraphsDoc } from '../../src/core/text';
import { BENCH_PASSPHRASE } from './constants';
import { vocabularyWord } from './corpus';
import { type Timing, ms, summarize } from './stats';

const { values } = parseArgs({ options: { entries: { type: 'string', default: '10000' } } });
const source = join('.bench', `${values.entries}-42`, 'journal');
if (!existsSync(source)) {
  throw new Error(`Build the journal first: npm run bench -- --entries ${values.entries}`);
}
const work = mkdtempSync(join(tmpdir(), 'lean-on-window-bench-'));
const journalDir = join(work, 'journal');
cpSync(source, journalDir, { recursive: true });

const bridge = spawn(
  process.execPath,
  ['--import', 'tsx', 'scripts/web/serve.ts', '--journal', journalDir, '--port', '0'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const appUrl = await new Promise<string>((resolve, reject) => {
  bridge.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const ready = /READY (\S+)/.exec(chunk);
    if (ready) resolve(ready[1]!);
  });
  bridge.once('exit', () => reject(new Error('The bridge stopped.')));
});
const token = new URL(appUrl).searchParams.get('token')!;
const origin = new URL(appUrl).origin;

async function api(method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${origin}/api/call`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ method, input }),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const options = page.getByRole('region', { name: 'Entries' }).getByRole('option');
const editor = page.getByRole('textbox', { name: 'Entry', exact: true });

async function unlockToList(): Promise<number> {
  await page.getByLabel('Passphrase', { exact: true }).fill(BENCH_PASSPHRASE);
  const start = Date.now();
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await options.first().waitFor();
  return Date.now() - start;
}

const step = (label: string) => process.stderr.write(`  ${label}\n`);
await page.goto(appUrl);
step('unlocking');
const unlockTimes: number[] = [];
for (let run = 0; run < 5; run += 1) {
  unlockTimes.push(await unlockToList());
  await page.keyboard.press('Control+l');
  await page.getByRole('button', { name: 'Unlock', exact: true }).waitFor();
}
const keyring = readKeyring(journalDir);
const kdfTimes: number[] = [];
for (let run = 0; run < 5; run += 1) {
  const start = performance.now();
  await unlockSlot(keyring, 'passphrase', passphraseBytes(BENCH_PASSPHRASE));
  kdfTimes.push(performance.now() - start);
}
const kdf = summarize(kdfTimes).p50;
await unlockToList();

step('opening entries');
// Opening an entry: from the click to its text in the editor.
const openTimes: number[] = [];
for (let index = 0; index < 20; index += 1) {
  const row = options.nth(index % 8);
  const start = Date.now();
  await row.click();
  await page.waitForFunction(
    `(document.querySelector('[aria-label="Entry"]')?.textContent ?? '').length > 0`,
  );
  openTimes.push(Date.now() - start);
}

step('typing in a long entry');
// Keystroke to paint in a 5,000-word entry.
const words = Array.from({ length: 5000 }, (_, index) => vocabularyWord((index * 7919) % 3000));
const paragraphs: string[] = [];
for (let start = 0; start < words.length; start += 100) {
  paragraphs.push(words.slice(start, start + 100).join(' '));
}
await api('createEntry', {
  title: 'A very long entry',
  doc: paragraphsDoc(paragraphs),
  timeZone: 'UTC',
  entryDate: '2099-01-01',
});
// The journal stays unlocked in the core; the reloaded window opens straight onto the list.
await page.reload();
await options.first().waitFor();
await options.first().click();
await page
  .getByLabel('Title', { exact: true })
  .and(page.locator(`[value="A very long entry"]`))
  .waitFor();
await editor.click();
await page.keyboard.press('Control+End');
await page.evaluate(`(() => {
  window.__latencies = [];
  document.addEventListener('keydown', () => {
    const start = performance.now();
    requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - start)));
  }, true);
})()`);
await page.keyboard.type(' and then I asked for help with the rest of it'.repeat(3), { delay: 40 });
await page.waitForTimeout(500);
const keystrokes = summarize(await page.evaluate<number[]>('window.__latencies'));

// Scrolling the whole list, loading pages as it goes; frames longer than 1.5 × 16.7 ms count as dropped.
async function scrollWholeList(target: Page) {
  await target.evaluate(`(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => { window.__frames.push(now - last); last = now; if (!window.__stopFrames) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const listbox = target.getByRole('listbox', { name: 'Entries list' });
  await listbox.hover();
  let previous = -1;
  for (let step = 0; step < 5000; step += 1) {
    await target.mouse.wheel(0, 2400);
    const top = Number(await listbox.evaluate('(element) => element.scrollTop'));
    if (top === previous && step > 20) break;
    previous = top;
  }
  await target.evaluate('window.__stopFrames = true');
  return target.evaluate<number[]>('window.__frames');
}
step('scrolling the whole list');
const frames = await scrollWholeList(page);
const dropped = frames.filter((frame) => frame > 25).length;

const cdp = await page.context().newCDPSession(page);
await cdp.send('HeapProfiler.collectGarbage');
const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };

await browser.close();
bridge.kill('SIGTERM');
rmSync(work, { recursive: true, force: true });

const unlock = summarize(unlockTimes);
const rows: Array<[string, Timing | null, string]> = [
  [
    'unlock to list visible, after key derivation',
    unlock,
    `total p50 ${ms(unlock.p50)} − Argon2id p50 ${ms(kdf)} = ${ms(unlock.p50 - kdf)} ms`,
  ],
  ['open an entry', summarize(openTimes), ''],
  ['keystroke to paint, 5,000-word entry', keystrokes, ''],
];
console.log(`Lean On window benchmark: ${values.entries} entries, Chromium ${browser.version()}`);
console.log('| measure (ms) | p50 | p95 | runs | note |\n|---|---|---|---|---|');
for (const [label, timing, note] of rows) {
  console.log(`| ${label} | ${ms(timing!.p50)} | ${ms(timing!.p95)} | ${timing!.runs} | ${note} |`);
}
console.log(
  `Scrolling the whole list: ${frames.length} frames, ${dropped} longer than 25 ms (${((100 * dropped) / Math.max(1, frames.length)).toFixed(1)} %)`,
);
console.log(`Renderer JS heap after a full GC: ${(heap.usedSize / 2 ** 20).toFixed(1)} MiB used`);
console.log(
  `\nJSON:\n${JSON.stringify({ unlockTimes, kdfTimes, openTimes, keystrokes, frames: { count: frames.length, dropped }, heapUsedMiB: heap.usedSize / 2 ** 20 })}`,
);
