import { describe, expect, it } from 'vitest';
import { migration0070 } from '../../src/core/db/migrations/0070-insights';
import type { Db } from '../../src/core/db/database';
import { computeInsights, type InsightsOptions, onThisDay } from '../../src/core/insights';
import { bucketOf } from '../../src/core/insights/calendar';
import { localDate } from '../../src/core/time';
import { TZ, call, createTestJournal, entryInput } from './helpers';

type Service = Awaited<ReturnType<typeof createTestJournal>>['service'];

interface Seed {
  date: string;
  words: string;
  title?: string;
  themes?: string[];
  promptId?: string;
  trash?: boolean;
}

/** Creates the entries in order (so each is written after the one before) and returns their ids. */
async function seed(service: Service, entries: Seed[]): Promise<string[]> {
  const ids: string[] = [];
  for (const entry of entries) {
    const created = await call(
      service,
      'createEntry',
      entryInput(entry.words, {
        title: entry.title ?? '',
        entryDate: entry.date,
        themes: (entry.themes ?? []).map((id) => ({ id, source: 'manual' })),
        ...(entry.promptId ? { promptId: entry.promptId } : {}),
      }),
    );
    if (entry.trash) await call(service, 'trashEntry', { id: created.id });
    ids.push(created.id);
  }
  return ids;
}

/** Changes made through this connection so far: a read-only call leaves it as it was. */
function changes(db: Db): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/*
 * A small journal across a year end, every figure worked out by hand:
 *   E1 Sun 2024-12-29  trust, boundaries                        3 words  (2024-W52)
 *   E2 Mon 2024-12-30  trust (prompt trust.kept-promise)        4 words  (2025-W01)
 *   E3 Mon 2024-12-30  no theme                                 2 words  (2025-W01)
 *   E4 Sun 2025-01-05  trust (prompt trust.bracing), boundaries, vulnerability  5 words (2025-W01)
 *   E5 Mon 2025-01-06  boundaries (prompt), grief                1 word   (2025-W02)
 *   E6 Mon 2025-01-20  trust (prompt), boundaries, IN THE TRASH 10 words
 *   E7 Mon 2025-02-03  boundaries (same prompt as E5)           6 words  (2025-W06), 28 days after E5
 *   E8 Mon 2025-02-03  no theme, written after E7               2 words
 *   E9 Mon 2025-02-10  no theme                                 7 words  (2025-W07)
 */
async function seededJournal() {
  const { service } = await createTestJournal();
  await call(service, 'createTheme', { label: 'Grief' });
  const ids = await seed(service, [
    {
      date: '2024-12-29',
      words: 'one two three',
      title: 'Sunday',
      themes: ['trust', 'boundaries'],
    },
    { date: '2024-12-30', words: 'one two three four', promptId: 'trust.kept-promise' },
    { date: '2024-12-30', words: 'one two' },
    {
      date: '2025-01-05',
      words: 'one two three four five',
      title: 'Open',
      promptId: 'trust.bracing',
      themes: ['boundaries', 'vulnerability'],
    },
    { date: '2025-01-06', words: 'one', promptId: 'boundaries.yes-meant-no', themes: ['grief'] },
    {
      date: '2025-01-20',
      words: 'a b c d e f g h i j',
      promptId: 'trust.kept-promise',
      themes: ['boundaries'],
      trash: true,
    },
    {
      date: '2025-02-03',
      words: 'one two three four five six',
      title: 'Back',
      promptId: 'boundaries.yes-meant-no',
    },
    { date: '2025-02-03', words: 'one two' },
    { date: '2025-02-10', words: 'one two three four five six seven' },
  ]);
  const [e1, e2, e3, e4, e5, , e7, , e9] = ids;
  return { service, db: service.journal.db, ids: { e1, e2, e3, e4, e5, e7, e9 } };
}

const BASE: InsightsOptions = { timeZone: TZ, today: '2025-02-15', bucket: 'week' };

describe('computeInsights', () => {
  it('stacks themes per ISO week, Monday to Sunday, across a year end', async () => {
    const { db } = await seededJournal();
    const { themesOverTime } = computeInsights(db, BASE);
    expect(themesOverTime).toEqual([
      {
        key: '2024-W52',
        start: '2024-12-23',
        end: '2024-12-29',
        entries: 1,
        themes: { trust: 1, boundaries: 1 },
        untagged: 0,
      },
      {
        key: '2025-W01',
        start: '2024-12-30',
        end: '2025-01-05',
        entries: 3,
        themes: { trust: 2, boundaries: 1, vulnerability: 1 },
        untagged: 1,
      },
      {
        key: '2025-W02',
        start: '2025-01-06',
        end: '2025-01-12',
        entries: 1,
        themes: { boundaries: 1, grief: 1 },
        untagged: 0,
      },
      {
        key: '2025-W03',
        start: '2025-01-13',
        end: '2025-01-19',
        entries: 0,
        themes: {},
        untagged: 0,
      },
      // The trashed entry of 20 January counts nowhere.
      {
        key: '2025-W04',
        start: '2025-01-20',
        end: '2025-01-26',
        entries: 0,
        themes: {},
        untagged: 0,
      },
      {
        key: '2025-W05',
        start: '2025-01-27',
        end: '2025-02-02',
        entries: 0,
        themes: {},
        untagged: 0,
      },
      {
        key: '2025-W06',
        start: '2025-02-03',
        end: '2025-02-09',
        entries: 2,
        themes: { boundaries: 1 },
        untagged: 1,
      },
      {
        key: '2025-W07',
        start: '2025-02-10',
        end: '2025-02-16',
        entries: 1,
        themes: {},
        untagged: 1,
      },
    ]);
  });

  it('counts words and entries per week and per month', async () => {
    const { db } = await seededJournal();
    expect(
      computeInsights(db, BASE).wordsOverTime.map(({ key, words, entries }) => [
        key,
        words,
        entries,
      ]),
    ).toEqual([
      ['2024-W52', 3, 1],
      ['2025-W01', 11, 3],
      ['2025-W02', 1, 1],
      ['2025-W03', 0, 0],
      ['2025-W04', 0, 0],
      ['2025-W05', 0, 0],
      ['2025-W06', 8, 2],
      ['2025-W07', 7, 1],
    ]);
    const monthly = computeInsights(db, { ...BASE, bucket: 'month' });
    expect(monthly.wordsOverTime).toEqual([
      { key: '2024-12', start: '2024-12-01', end: '2024-12-31', words: 9, entries: 3 },
      { key: '2025-01', start: '2025-01-01', end: '2025-01-31', words: 6, entries: 2 },
      { key: '2025-02', start: '2025-02-01', end: '2025-02-28', words: 15, entries: 3 },
    ]);
    expect(
      monthly.themesOverTime.map(({ key, themes, untagged }) => [key, themes, untagged]),
    ).toEqual([
      ['2024-12', { trust: 2, boundaries: 1 }, 1],
      ['2025-01', { trust: 1, boundaries: 2, vulnerability: 1, grief: 1 }, 0],
      ['2025-02', { boundaries: 1 }, 2],
    ]);
  });

  it('lists writing days of the last 365 days, and totals', async () => {
    const { db } = await seededJournal();
    const insights = computeInsights(db, BASE);
    expect(insights.writingDaysRange).toEqual({ from: '2024-02-17', to: '2025-02-15' });
    expect(insights.writingDays).toEqual([
      { date: '2024-12-29', entries: 1, words: 3 },
      { date: '2024-12-30', entries: 2, words: 6 },
      { date: '2025-01-05', entries: 1, words: 5 },
      { date: '2025-01-06', entries: 1, words: 1 },
      { date: '2025-02-03', entries: 2, words: 8 },
      { date: '2025-02-10', entries: 1, words: 7 },
    ]);
    expect(insights.totals).toEqual({ entries: 8, words: 30, daysWritten: 6, themesUsed: 4 });
    expect(insights.range).toEqual({ from: null, to: null });
    // Days before the calendar's year still count in the charts and totals.
    const later = computeInsights(db, { ...BASE, today: '2025-12-31' });
    expect(later.writingDaysRange).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(later.writingDays.map((day) => day.date)).toEqual([
      '2025-01-05',
      '2025-01-06',
      '2025-02-03',
      '2025-02-10',
    ]);
    expect(later.totals.entries).toBe(8);
  });

  it('counts themes found together, with each theme’s total, trashed entries left out', async () => {
    const { db } = await seededJournal();
    expect(computeInsights(db, BASE).coOccurrence).toEqual({
      pairs: [
        { a: 'boundaries', b: 'trust', count: 2 },
        { a: 'boundaries', b: 'grief', count: 1 },
        { a: 'boundaries', b: 'vulnerability', count: 1 },
        { a: 'trust', b: 'vulnerability', count: 1 },
      ],
      themeTotals: { trust: 3, boundaries: 4, vulnerability: 1, grief: 1 },
    });
  });

  it('counts entries and distinct prompts answered per theme', async () => {
    const { db } = await seededJournal();
    expect(computeInsights(db, BASE).promptsPerTheme).toEqual([
      { themeId: 'trust', entries: 2, prompts: 2 },
      { themeId: 'boundaries', entries: 2, prompts: 1 },
    ]);
  });

  it('finds each theme’s first entry and returns after long gaps', async () => {
    const { db, ids } = await seededJournal();
    const { firsts } = computeInsights(db, BASE);
    expect(firsts.themes).toEqual([
      { themeId: 'trust', entry: { id: ids.e1, title: 'Sunday', entryDate: '2024-12-29' } },
      { themeId: 'boundaries', entry: { id: ids.e1, title: 'Sunday', entryDate: '2024-12-29' } },
      { themeId: 'vulnerability', entry: { id: ids.e4, title: 'Open', entryDate: '2025-01-05' } },
      { themeId: 'grief', entry: { id: ids.e5, title: '', entryDate: '2025-01-06' } },
    ]);
    // 6 Jan to 3 Feb is 28 days (the trashed entry of 20 Jan does not break the gap); the
    // first entry written that day is the one shown.
    expect(firsts.afterGaps).toEqual([
      {
        entry: { id: ids.e7, title: 'Back', entryDate: '2025-02-03' },
        previousDate: '2025-01-06',
        gapDays: 28,
      },
    ]);
    const shorter = computeInsights(db, { ...BASE, gapDays: 6 }).firsts.afterGaps;
    expect(shorter.map((gap) => [gap.entry.id, gap.previousDate, gap.gapDays])).toEqual([
      [ids.e9, '2025-02-03', 7],
      [ids.e7, '2025-01-06', 28],
      [ids.e4, '2024-12-30', 6],
    ]);
    expect(computeInsights(db, { ...BASE, gapDays: 29 }).firsts.afterGaps).toEqual([]);
  });

  it('limits every figure to from/to, but not the themes’ firsts', async () => {
    const { db, ids } = await seededJournal();
    const january = computeInsights(db, {
      ...BASE,
      from: '2025-01-01',
      to: '2025-01-31',
      gapDays: 5,
    });
    expect(january.range).toEqual({ from: '2025-01-01', to: '2025-01-31' });
    // With both ends given, the weeks span the whole range, empty ones included.
    expect(
      january.themesOverTime.map(({ key, entries, themes }) => [key, entries, themes]),
    ).toEqual([
      ['2025-W01', 1, { trust: 1, boundaries: 1, vulnerability: 1 }],
      ['2025-W02', 1, { boundaries: 1, grief: 1 }],
      ['2025-W03', 0, {}],
      ['2025-W04', 0, {}],
      ['2025-W05', 0, {}],
    ]);
    expect(january.writingDaysRange).toEqual({ from: '2025-01-01', to: '2025-01-31' });
    expect(january.writingDays).toEqual([
      { date: '2025-01-05', entries: 1, words: 5 },
      { date: '2025-01-06', entries: 1, words: 1 },
    ]);
    expect(january.totals).toEqual({ entries: 2, words: 6, daysWritten: 2, themesUsed: 4 });
    expect(january.coOccurrence.pairs).toEqual([
      { a: 'boundaries', b: 'grief', count: 1 },
      { a: 'boundaries', b: 'trust', count: 1 },
      { a: 'boundaries', b: 'vulnerability', count: 1 },
      { a: 'trust', b: 'vulnerability', count: 1 },
    ]);
    expect(january.promptsPerTheme).toEqual([
      { themeId: 'trust', entries: 1, prompts: 1 },
      { themeId: 'boundaries', entries: 1, prompts: 1 },
    ]);
    // The gap before 5 January is measured from 30 December, outside the range.
    expect(january.firsts.afterGaps).toEqual([
      {
        entry: { id: ids.e4, title: 'Open', entryDate: '2025-01-05' },
        previousDate: '2024-12-30',
        gapDays: 6,
      },
    ]);
    expect(january.firsts.themes.map((first) => first.entry.entryDate)).toEqual([
      '2024-12-29',
      '2024-12-29',
      '2025-01-05',
      '2025-01-06',
    ]);
    // One open end: the periods run from the first to the last entry inside the range.
    const sinceFebruary = computeInsights(db, { ...BASE, bucket: 'month', from: '2025-02-01' });
    expect(sinceFebruary.themesOverTime.map((bucket) => bucket.key)).toEqual(['2025-02']);
    expect(sinceFebruary.writingDaysRange).toEqual({ from: '2025-02-01', to: '2025-02-15' });
  });

  it('gives empty arrays and zero totals for an empty journal', async () => {
    const { service } = await createTestJournal();
    const db = service.journal.db;
    for (const bucket of ['week', 'month'] as const) {
      expect(computeInsights(db, { ...BASE, bucket })).toEqual({
        bucket,
        today: '2025-02-15',
        range: { from: null, to: null },
        themesOverTime: [],
        wordsOverTime: [],
        writingDaysRange: { from: '2024-02-17', to: '2025-02-15' },
        writingDays: [],
        coOccurrence: { pairs: [], themeTotals: {} },
        promptsPerTheme: [],
        firsts: { themes: [], afterGaps: [] },
        totals: { entries: 0, words: 0, daysWritten: 0, themesUsed: 0 },
      });
    }
    // A range given in full is still drawn, as empty months.
    const ranged = computeInsights(db, {
      ...BASE,
      bucket: 'month',
      from: '2024-11-15',
      to: '2025-01-02',
    });
    expect(ranged.wordsOverTime.map(({ key, words }) => [key, words])).toEqual([
      ['2024-11', 0],
      ['2024-12', 0],
      ['2025-01', 0],
    ]);
  });

  it('lists only the periods with entries when a mistyped year would make thousands', async () => {
    const { service } = await createTestJournal();
    await seed(service, [
      { date: '1900-01-01', words: 'long ago' },
      { date: '2025-01-06', words: 'now' },
    ]);
    const db = service.journal.db;
    // 125 years of weeks is more than 5,000 periods; of months, it is not.
    const weekly = computeInsights(db, BASE).wordsOverTime;
    expect(weekly.map(({ key, start, words }) => [key, start, words])).toEqual([
      ['1900-W01', '1900-01-01', 2],
      ['2025-W02', '2025-01-06', 1],
    ]);
    const monthly = computeInsights(db, { ...BASE, bucket: 'month' }).wordsOverTime;
    expect(monthly).toHaveLength(125 * 12 + 1);
    expect(monthly.filter((month) => month.entries > 0).map((month) => month.key)).toEqual([
      '1900-01',
      '2025-01',
    ]);
  });

  it('only reads: nothing is written, trashed entries restored count again', async () => {
    const { service, db } = await seededJournal();
    const before = changes(db);
    computeInsights(db, BASE);
    computeInsights(db, { ...BASE, bucket: 'month', from: '2025-01-01' });
    onThisDay(db, { today: '2026-01-20' });
    expect(changes(db)).toBe(before);
    const trashed = (await call(service, 'listEntries', { trash: true })).entries[0]!;
    await call(service, 'restoreEntry', { id: trashed.id });
    const restored = computeInsights(db, BASE);
    expect(restored.totals).toEqual({ entries: 9, words: 40, daysWritten: 7, themesUsed: 4 });
    expect(restored.coOccurrence.pairs[0]).toEqual({ a: 'boundaries', b: 'trust', count: 3 });
  });

  it('takes today from the time zone when it is not given', async () => {
    const { db } = await seededJournal();
    const before = localDate(Date.now(), 'Pacific/Kiritimati');
    const { today } = computeInsights(db, { timeZone: 'Pacific/Kiritimati', bucket: 'week' });
    expect([before, localDate(Date.now(), 'Pacific/Kiritimati')]).toContain(today);
  });

  it('refuses input that does not make sense', async () => {
    const { db } = await seededJournal();
    const invalid = [
      { ...BASE, today: '2025-02-29' },
      { ...BASE, from: '2025-13-01' },
      { ...BASE, from: '2025-02-01', to: '2025-01-31' },
      { ...BASE, gapDays: 0 },
      { ...BASE, gapDays: 1.5 },
      { ...BASE, timeZone: 'Mars/Olympus' },
      { ...BASE, bucket: 'day' as 'week' },
    ];
    for (const options of invalid) {
      expect(() => computeInsights(db, options)).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT' }),
      );
    }
  });

  it('reads its day counts from the insights indexes once migration 0070 has run', async () => {
    const { db } = await seededJournal();
    const exists = () =>
      db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'entries_for_insights'`).get();
    // Registered or not yet: the indexes are there for this check either way.
    if (!exists()) migration0070.up(db);
    expect(exists()).toBeTruthy();
    const plan = (query: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as Array<{ detail: string }>)
        .map((row) => row.detail)
        .join(' | ');
    const perDay = plan(
      `SELECT e.entry_date, count(*), sum(e.word_count) FROM entries e
       WHERE e.deleted_at IS NULL AND e.entry_date BETWEEN '0000-01-01' AND '9999-12-31'
       GROUP BY e.entry_date ORDER BY e.entry_date`,
    );
    expect(perDay).toContain('COVERING INDEX entries_for_insights');
    expect(perDay).not.toContain('TEMP B-TREE');
    const perThemeDay = plan(
      `SELECT theme_id, entry_date, count(*) FROM entry_themes
       WHERE live = 1 AND entry_date BETWEEN '0000-01-01' AND '9999-12-31'
       GROUP BY theme_id, entry_date`,
    );
    expect(perThemeDay).toContain('COVERING INDEX entry_themes_for_insights');
    expect(perThemeDay).not.toContain('TEMP B-TREE');
    expect(computeInsights(db, BASE).totals).toEqual({
      entries: 8,
      words: 30,
      daysWritten: 6,
      themesUsed: 4,
    });
  });
});

describe('bucketOf', () => {
  it('numbers ISO weeks by the year of their Thursday and spans whole months', () => {
    expect(bucketOf('week', '2021-01-03')).toEqual({
      key: '2020-W53',
      start: '2020-12-28',
      end: '2021-01-03',
    });
    expect(bucketOf('week', '2021-01-04').key).toBe('2021-W01');
    expect(bucketOf('week', '2027-01-01').key).toBe('2026-W53');
    expect(bucketOf('week', '2019-12-30').key).toBe('2020-W01');
    expect(bucketOf('month', '2024-02-10')).toEqual({
      key: '2024-02',
      start: '2024-02-01',
      end: '2024-02-29',
    });
  });
});

/*
 * On-this-day journal: leap days, month ends, a trashed entry, and entries after "today".
 */
const ON_THIS_DAY_DATES = [
  '2020-02-29',
  '2022-03-01',
  '2023-02-28',
  '2024-02-27',
  '2024-02-28',
  '2024-02-29',
  '2024-03-28',
  '2024-03-31',
  '2024-12-30',
  '2025-01-27',
  '2025-01-28',
  '2025-01-31',
  '2025-02-28',
];

async function onThisDayJournal() {
  const { service } = await createTestJournal();
  const ids = await seed(
    service,
    ON_THIS_DAY_DATES.map((date) => ({ date, words: 'written that day', title: date })),
  );
  await seed(service, [{ date: '2023-02-28', words: 'trashed', title: 'trashed', trash: true }]);
  return { db: service.journal.db, idOf: new Map(ON_THIS_DAY_DATES.map((d, i) => [d, ids[i]])) };
}

function labels(result: ReturnType<typeof onThisDay>) {
  return result.items.map((item) => [item.entry.entryDate, item.kind, item.ago]);
}

describe('onThisDay', () => {
  it('on 28 February of a common year, remembers 29 February and month ends', async () => {
    const { db, idOf } = await onThisDayJournal();
    const result = onThisDay(db, { today: '2025-02-28' });
    expect(labels(result)).toEqual([
      ['2025-01-31', 'month', 1],
      ['2025-01-28', 'month', 1],
      ['2024-12-30', 'month', 2],
      ['2024-03-31', 'month', 11],
      ['2024-03-28', 'month', 11],
      ['2024-02-29', 'year', 1],
      ['2024-02-28', 'year', 1],
      ['2023-02-28', 'year', 2],
      ['2020-02-29', 'year', 5],
    ]);
    const first = result.items[0]!.entry;
    expect(first).toMatchObject({
      id: idOf.get('2025-01-31'),
      title: '2025-01-31',
      entryDate: '2025-01-31',
      preview: 'written that day',
      wordCount: 3,
      deletedAt: null,
      themes: [],
    });
    expect(result.today).toBe('2025-02-28');
    expect(labels(onThisDay(db, { today: '2025-02-28', limit: 2 }))).toEqual([
      ['2025-01-31', 'month', 1],
      ['2025-01-28', 'month', 1],
    ]);
  });

  it('on 29 February, shows earlier leap days only; on 28 February of a leap year, not them', async () => {
    const { db } = await onThisDayJournal();
    // 29 February is the month's last day: the 29th to 31st of earlier months belong to it.
    expect(labels(onThisDay(db, { today: '2024-02-29' }))).toEqual([['2020-02-29', 'year', 4]]);
    expect(labels(onThisDay(db, { today: '2024-02-28' }))).toEqual([['2023-02-28', 'year', 1]]);
  });

  it('shows the 31st on the last day of shorter months, and never twice', async () => {
    const { db } = await onThisDayJournal();
    expect(labels(onThisDay(db, { today: '2025-03-31' }))).toEqual([
      ['2025-01-31', 'month', 2],
      ['2024-03-31', 'year', 1],
    ]);
    // 30 April is April's last day: 30 and 31 of earlier months.
    expect(labels(onThisDay(db, { today: '2025-04-30' }))).toEqual([
      ['2025-01-31', 'month', 3],
      ['2024-12-30', 'month', 4],
    ]);
    // 30 March is not March's last day: only the 30th (30 December 2024 is 3 months ago).
    expect(labels(onThisDay(db, { today: '2025-03-30' }))).toEqual([['2024-12-30', 'month', 3]]);
  });

  it('is empty for an empty journal and refuses nonsense', async () => {
    const { service } = await createTestJournal();
    const db = service.journal.db;
    expect(onThisDay(db, { today: '2025-02-28' })).toEqual({ today: '2025-02-28', items: [] });
    for (const options of [{ today: '2025-02-30' }, { today: '2025-02-28', limit: 0 }]) {
      expect(() => onThisDay(db, options)).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT' }),
      );
    }
  });
});
