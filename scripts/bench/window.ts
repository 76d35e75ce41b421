// npm run bench:window [-- --entries 10000 | --dir DIR]   (also run by `npm run bench`)
// The journal window in Debian's Chromium against the web preview bridge, on a copy of the
// benchmark journal built by `npm run bench`: unlock-to-list after key derivation, opening an
// entry, keystroke-to-paint in a 5,000-word entry, scrolling the whole list, and the renderer's
// heap. Every time is taken inside the page, from the input event's own timestamp to the first
// paint after the result is in the DOM, so Playwright's round trips are not in the figures.
// Prints a table and JSON; never passes or fails anything.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';
import { readKeyring, unlockSlot } from '../../src/core/keyring';
import { passphraseBytes } from '../../src/core/secrets';
import { paragraphsDoc } from '../../src/core/text';
import { CHROMIUM } from './chromium';
import { BENCH_PASSPHRASE } from './constants';
import { vocabularyWord } from './corpus';
import { type Timing, ms, summarize } from './stats';

const { values } = parseArgs({
  options: { entries: { type: 'string', default: '10000' }, dir: { type: 'string' } },
});
const benchDir = values.dir ?? join('.bench', `${values.entries}-42`);
const source = join(benchDir, 'journal');
if (!existsSync(source)) {
  throw new Error(`Build the journal first: npm run bench -- --entries ${values.entries}`);
}
if (!existsSync(CHROMIUM)) {
  throw new Error(
    `No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set LEAN_ON_CHROMIUM).`,
  );
}
const work = mkdtempSync(join(tmpdir(), 'lean-on-window-bench-'));
const journalDir = join(work, 'journal');
cpSync(source, journalDir, { recursive: true });

const bridge = spawn(
  process.execPath,
  ['--import', 'tsx', 'scripts/web/serve.ts', '--journal', journalDir, '--port', '0'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
// A failed run must not leave the bridge (and its unlocked journal) running.
process.on('exit', () => bridge.kill('SIGTERM'));
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

const BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];
/** Frames as soon as they are ready instead of at the display's 60 Hz: the app's own cost. */
const UNTHROTTLED_ARGS = ['--disable-gpu-vsync', '--disable-frame-rate-limit'];

async function openWindow(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(appUrl);
  return page;
}

const step = (label: string) => process.stderr.write(`  ${label}\n`);
const entriesOf = (page: Page) => page.getByRole('region', { name: 'Entries' }).getByRole('option');

/**
 * Arms a one-shot probe in the page: from the next `eventType` event's timestamp (when the
 * input reached the page) until `ready()` holds after a DOM change, then to the end of the
 * next frame (a task after requestAnimationFrame runs once that frame is painted). The
 * result lands in window.__probe.
 */
async function armProbe(page: Page, eventType: 'click' | 'keydown', ready: string) {
  await page.evaluate(`(() => {
    window.__probe = null;
    const ready = () => (${ready});
    let start = null;
    let done = false;
    const finish = () => {
      if (done || start === null || !ready()) return;
      done = true;
      observer.disconnect();
      const inDom = performance.now();
      requestAnimationFrame(() => setTimeout(() => {
        window.__probe = { start, inDom, painted: performance.now() };
      }));
    };
    const observer = new MutationObserver(finish);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    document.addEventListener(${JSON.stringify(eventType)}, (event) => {
      start = event.timeStamp;
      performance.clearResourceTimings();
      queueMicrotask(finish);
    }, { capture: true, once: true });
  })()`);
}

interface Probe {
  start: number;
  inDom: number;
  painted: number;
}

async function probeResult(page: Page): Promise<Probe> {
  const handle = await page.waitForFunction(
    () => (globalThis as unknown as { __probe: Probe | null }).__probe,
  );
  return (await handle.jsonValue())!;
}

// Unlocking: the click on Unlock to the first entry of the list painted. The key derivation
// is timed on its own (same parameters, same thread set-up as the bridge's) and taken off.
async function unlockToList(page: Page): Promise<{ total: number; afterReply: number }> {
  await page.getByLabel('Passphrase', { exact: true }).fill(BENCH_PASSPHRASE);
  await armProbe(page, 'click', `document.querySelector('[role="option"]') !== null`);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  const probe = await probeResult(page);
  // The first call after the click is `unlock`; everything after its reply is the window's.
  const replyEnd = await page.evaluate<number>(
    `performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'))[0]?.responseEnd ?? NaN`,
  );
  return { total: probe.painted - probe.start, afterReply: probe.painted - replyEnd };
}

async function measureUnlock(page: Page) {
  const totals: number[] = [];
  const afterReply: number[] = [];
  for (let run = 0; run < 6; run += 1) {
    const time = await unlockToList(page);
    if (run > 0) {
      // The first unlock warms the bridge's caches; report the rest.
      totals.push(time.total);
      afterReply.push(time.afterReply);
    }
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
  return { totals, afterReply, kdfTimes };
}

// Opening an entry: the click on a row to its text in the editor, painted.
async function measureOpens(page: Page): Promise<number[]> {
  const rows = entriesOf(page);
  const times: number[] = [];
  for (let index = 0; index < 25; index += 1) {
    const row = rows.nth(index % 10);
    const id = await row.getAttribute('id');
    await armProbe(
      page,
      'click',
      `(() => {
        const editor = document.querySelector('[aria-label="Entry"]');
        return editor !== null && editor !== window.__lastEditor && (editor.textContent ?? '').length > 0 &&
          document.querySelector('[role="option"][aria-selected="true"]')?.id === ${JSON.stringify(id)};
      })()`,
    );
    await row.click();
    const probe = await probeResult(page);
    await page.evaluate(`window.__lastEditor = document.querySelector('[aria-label="Entry"]')`);
    if (index >= 5) times.push(probe.painted - probe.start);
  }
  return times;
}

const LONG_TITLE = 'A very long entry';

async function createLongEntry(): Promise<void> {
  const words = Array.from({ length: 5000 }, (_, index) => vocabularyWord((index * 7919) % 3000));
  const paragraphs: string[] = [];
  for (let start = 0; start < words.length; start += 100) {
    paragraphs.push(words.slice(start, start + 100).join(' '));
  }
  await api('createEntry', {
    title: LONG_TITLE,
    doc: paragraphsDoc(paragraphs),
    timeZone: 'UTC',
    entryDate: '2099-01-01',
  });
}

/** Keydown (its own timestamp) to the end of the next painted frame, for every key typed. */
async function typeAndMeasure(page: Page, target: string, text: string): Promise<Timing> {
  await page.locator(target).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' warming up', { delay: 40 });
  await page.evaluate(`(() => {
    window.__latencies = [];
    document.addEventListener('keydown', (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - start)));
    }, true);
  })()`);
  await page.keyboard.type(text, { delay: 40 });
  await page.waitForTimeout(500);
  return summarize(await page.evaluate<number[]>('window.__latencies'));
}

const TYPED = ' and then I asked for help with the rest of it'.repeat(5);

async function openLongEntry(page: Page): Promise<void> {
  await entriesOf(page).first().waitFor();
  await entriesOf(page).first().click();
  await page
    .getByLabel('Title', { exact: true })
    .and(page.locator(`[value="${LONG_TITLE}"]`))
    .waitFor();
}

/** The same typing into a bare textarea holding the same 5,000 words: the browser's floor. */
async function textareaFloor(browser: Browser): Promise<Timing> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const words = Array.from({ length: 5000 }, (_, index) => vocabularyWord((index * 7919) % 3000));
  await page.setContent('<textarea style="width:40rem;height:30rem"></textarea>');
  await page.locator('textarea').fill(words.join(' '));
  const timing = await typeAndMeasure(page, 'textarea', TYPED);
  await page.close();
  return timing;
}

// Scrolling the whole list, loading pages as it goes; frames longer than 1.5 × 16.7 ms count as dropped.
async function scrollWholeList(page: Page): Promise<number[]> {
  await page.evaluate(`(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => { window.__frames.push(now - last); last = now; if (!window.__stopFrames) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const listbox = page.getByRole('listbox', { name: 'Entries list' });
  await listbox.hover();
  let previous = -1;
  for (let step = 0; step < 5000; step += 1) {
    await page.mouse.wheel(0, 2400);
    const top = Number(await listbox.evaluate('(element) => element.scrollTop'));
    if (top === previous && step > 20) break;
    previous = top;
  }
  await page.evaluate('window.__stopFrames = true');
  return page.evaluate<number[]>('window.__frames');
}

const display = await chromium.launch({ executablePath: CHROMIUM, args: BASE_ARGS });
const page = await openWindow(display);
step('unlocking');
const unlock = await measureUnlock(page);
await unlockToList(page);
step('opening entries');
const openTimes = await measureOpens(page);

step('typing in a long entry, at 60 Hz and unthrottled');
await createLongEntry();
// The journal stays unlocked in the core; a reloaded window opens straight onto the list.
await page.reload();
await openLongEntry(page);
const keysAt60Hz = await typeAndMeasure(page, '[aria-label="Entry"]', TYPED);
const floorAt60Hz = await textareaFloor(display);
const unthrottled = await chromium.launch({
  executablePath: CHROMIUM,
  args: [...BASE_ARGS, ...UNTHROTTLED_ARGS],
});
const fastPage = await openWindow(unthrottled);
await openLongEntry(fastPage);
const keysUnthrottled = await typeAndMeasure(fastPage, '[aria-label="Entry"]', TYPED);
const floorUnthrottled = await textareaFloor(unthrottled);
await unthrottled.close();

step('scrolling the whole list');
await page.getByRole('option').first().click();
const frames = await scrollWholeList(page);
const dropped = frames.filter((frame) => frame > 25).length;

const cdp = await page.context().newCDPSession(page);
await cdp.send('HeapProfiler.collectGarbage');
const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
const version = display.version();
await display.close();
bridge.kill('SIGTERM');
rmSync(work, { recursive: true, force: true });

const total = summarize(unlock.totals);
const kdf = summarize(unlock.kdfTimes);
const afterReply = summarize(unlock.afterReply);
const rows: Array<[string, Timing, string]> = [
  ['unlock: click to list painted (total)', total, `Argon2id alone p50 ${ms(kdf.p50)}`],
  [
    'unlock: after key derivation (total − Argon2id p50)',
    { ...total, p50: total.p50 - kdf.p50, p95: total.p95 - kdf.p50 },
    'the target',
  ],
  ['unlock: from the unlock reply to the list painted', afterReply, 'cross-check'],
  ['open an entry: click to its text painted', summarize(openTimes), ''],
  [
    'keystroke to paint, 5,000-word entry, unthrottled',
    keysUnthrottled,
    `bare textarea: p50 ${ms(floorUnthrottled.p50)}, p95 ${ms(floorUnthrottled.p95)}`,
  ],
  [
    'keystroke to paint, 5,000-word entry, 60 Hz',
    keysAt60Hz,
    `bare textarea: p50 ${ms(floorAt60Hz.p50)}, p95 ${ms(floorAt60Hz.p95)}`,
  ],
];
console.log(
  `Lean On window benchmark: ${values.dir ?? `${values.entries} entries`}, Chromium ${version}`,
);
console.log('| measure (ms) | p50 | p95 | runs | note |\n|---|---|---|---|---|');
for (const [label, timing, note] of rows) {
  console.log(`| ${label} | ${ms(timing.p50)} | ${ms(timing.p95)} | ${timing.runs} | ${note} |`);
}
console.log(
  `Scrolling the whole list: ${frames.length} frames, ${dropped} longer than 25 ms (${((100 * dropped) / Math.max(1, frames.length)).toFixed(1)} %)`,
);
console.log(`Renderer JS heap after a full GC: ${(heap.usedSize / 2 ** 20).toFixed(1)} MiB used`);
console.log(
  `\nJSON:\n${JSON.stringify({ unlock, openTimes, keysAt60Hz, floorAt60Hz, keysUnthrottled, floorUnthrottled, frames: { count: frames.length, dropped }, heapUsedMiB: heap.usedSize / 2 ** 20 })}`,
);
