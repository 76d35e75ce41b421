import { describe, expect, it, vi } from 'vitest';
import { buildMatchQuery } from '../../src/core/search';
import { LIMITS } from '../../src/shared/limits';
import { schemas } from '../../src/shared/schemas';
import type { SearchHit, SearchResults } from '../../src/shared/types';
import { call, createTestJournal, entryInput } from './helpers';

type Service = Awaited<ReturnType<typeof createTestJournal>>['service'];

function write(service: Service, title: string, text: string, themes: string[] = []) {
  return call(
    service,
    'createEntry',
    entryInput(text, { title, themes: themes.map((id) => ({ id, source: 'manual' })) }),
  );
}

async function hitIds(service: Service, query: string, extra: Record<string, unknown> = {}) {
  const { hits } = await call(service, 'search', { query, ...extra });
  return hits.map((hit) => hit.id).sort();
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function matchedParts(hit: SearchHit): string[] {
  return hit.snippet.filter((part) => part.match).map((part) => fold(part.text));
}

describe('finding entries', () => {
  it('ranks title matches first and highlights the terms in the snippet', async () => {
    const { service } = await createTestJournal();
    const body = await write(
      service,
      'Tuesday',
      'Long walk, then an hour in the garden with my sister.',
    );
    const titled = await write(service, 'Garden', 'Planted beans in the garden today.');
    await write(service, 'Work', 'Nothing about plants at all.');
    const { hits, nextOffset } = await call(service, 'search', { query: 'Garden' });
    expect(hits.map((hit) => hit.id)).toEqual([titled.id, body.id]);
    expect(hits[0]!.rank).toBeLessThanOrEqual(hits[1]!.rank);
    expect(nextOffset).toBeNull();
    for (const hit of hits) {
      expect(matchedParts(hit).length).toBeGreaterThan(0);
      for (const part of matchedParts(hit)) expect(part).toContain('garden');
    }
    const bodySnippet = hits[1]!.snippet;
    expect(bodySnippet.map((part) => part.text).join('')).toContain('hour in the garden with');
    expect(bodySnippet.filter((part) => part.match).map((part) => part.text)).toEqual(['garden']);
  });

  it('ignores diacritics in both directions', async () => {
    const { service } = await createTestJournal();
    const accented = await write(service, '', 'A naïve hope at the café.');
    const plain = await write(service, '', 'A naive hope at the cafe.');
    const both = [accented.id, plain.id].sort();
    for (const query of ['cafe', 'café', 'CAFÉ', 'naive', 'naïve', 'cafe\u0301']) {
      expect(await hitIds(service, query), query).toEqual(both);
    }
    const { hits } = await call(service, 'search', { query: 'cafe' });
    for (const hit of hits) expect(matchedParts(hit)).toEqual(['cafe']);
  });

  it('matches prefixes with * and, when asked, the last word as typed', async () => {
    const { service } = await createTestJournal();
    const garden = await write(service, '', 'The garden was wet.');
    const gardening = await write(service, '', 'Gardening calms me.');
    await write(service, '', 'A guard dog barked.');
    const both = [garden.id, gardening.id].sort();
    expect(await hitIds(service, 'gard*')).toEqual(both);
    expect(await hitIds(service, 'gard')).toEqual([]);
    expect(await hitIds(service, 'gard', { prefixLast: true })).toEqual(both);
    expect(await hitIds(service, 'gard ', { prefixLast: true })).toEqual([]);
    expect(await hitIds(service, 'wet gard', { prefixLast: true })).toEqual([garden.id]);
    expect(buildMatchQuery('gard*')).toBe('"gard"*');
    expect(buildMatchQuery('calm gard', { prefixLast: true })).toBe('"calm" "gard"*');
  });

  it('treats quoted words as a phrase', async () => {
    const { service } = await createTestJournal();
    const together = await write(service, '', 'We sat on the quiet garden bench.');
    const apart = await write(service, '', 'The garden felt quiet tonight.');
    expect(await hitIds(service, '"quiet garden"')).toEqual([together.id]);
    expect(await hitIds(service, 'quiet garden')).toEqual([together.id, apart.id].sort());
    expect(await hitIds(service, '"garden quiet"')).toEqual([]);
  });

  it('combines with theme filters and leaves out the trash', async () => {
    const { service } = await createTestJournal();
    const trusting = await write(service, '', 'Letting go of the plan.', ['trust']);
    const both = await write(service, '', 'A plan I shared.', ['trust', 'boundaries']);
    const untagged = await write(service, '', 'My own plan.');
    expect(await hitIds(service, 'plan')).toEqual([trusting.id, both.id, untagged.id].sort());
    expect(await hitIds(service, 'plan', { themes: ['trust'] })).toEqual(
      [trusting.id, both.id].sort(),
    );
    expect(
      await hitIds(service, 'plan', { themes: ['trust', 'boundaries'], themeMode: 'all' }),
    ).toEqual([both.id]);
    await call(service, 'trashEntry', { id: both.id });
    expect(await hitIds(service, 'plan')).toEqual([trusting.id, untagged.id].sort());
    expect(await hitIds(service, 'plan', { themes: ['boundaries'] })).toEqual([]);
  });

  it('pages with nextOffset', async () => {
    const { service } = await createTestJournal();
    const ids: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      ids.push((await write(service, `Day ${index}`, `By the river again, time ${index}.`)).id);
    }
    const seen: string[] = [];
    const offsets: Array<number | null> = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page: SearchResults = await call(service, 'search', {
        query: 'river',
        limit: 3,
        offset,
      });
      seen.push(...page.hits.map((hit) => hit.id));
      offset = page.nextOffset;
      offsets.push(offset);
    }
    expect(offsets).toEqual([3, 6, null]);
    expect(seen.sort()).toEqual(ids.sort());
  });
});

describe('hostile input', () => {
  const HOSTILE = [
    '"',
    '"""',
    'a"b',
    '"unterminated phrase',
    'AND',
    'OR',
    'NOT',
    'NEAR',
    'NEAR(a b)',
    'a OR',
    'a AND NOT b',
    '-x',
    '+x',
    '^x',
    'title:x',
    'text:garden',
    'col:',
    '{title text}:x',
    '*',
    '**',
    'a*b',
    '*a',
    '((',
    ')',
    '(a OR b',
    '🙂',
    '🙂🙂',
    'garden🙂',
    'שלום עולם',
    'مرحبا بالعالم',
    '日本語の日記',
    '한국어',
    '',
    ' ',
    '\t\n\r ',
    '\u0000',
    'a\u0000b',
    '"a\u0000',
    'x\u0001\u001fy',
    '\u007f',
    '\ud800',
    '\u200b',
    "'; DROP TABLE entries; --",
    "' OR 1=1 --",
    '%_\\',
    '\u202egarden',
    'x'.repeat(1000),
    'garden '.repeat(500).trim(),
  ];

  it('never throws while building a match query', () => {
    for (const input of [...HOSTILE, 'y'.repeat(5000)]) {
      for (const prefixLast of [false, true]) {
        const match = buildMatchQuery(input, { prefixLast });
        if (match !== null) expect(match).not.toContain('\u0000');
      }
    }
  });

  it('answers every query with a result, never an error', async () => {
    const { service } = await createTestJournal();
    const entry = await write(service, 'Garden', 'The garden in spring. 日本語の日記 שלום עולם');
    for (const query of HOSTILE) {
      for (const prefixLast of [false, true]) {
        const result = await service.call('search', { query, prefixLast });
        expect(result, JSON.stringify(query)).toMatchObject({ ok: true });
      }
    }
    expect(await hitIds(service, 'a\u0000garden')).toEqual([]);
    expect(await hitIds(service, 'garden\u0000')).toEqual([entry.id]);
    expect(await hitIds(service, "'; DROP TABLE entries; --")).toEqual([]);
    expect(await hitIds(service, 'text:garden')).toEqual([]);
    await write(service, 'Afterwards', 'Still working.');
    expect(await hitIds(service, 'garden')).toEqual([entry.id]);
    expect((await call(service, 'listEntries', {})).entries).toHaveLength(2);
  });

  it('accepts queries up to the schema maximum and refuses only longer ones', async () => {
    const { service } = await createTestJournal();
    const max = LIMITS.searchQueryMaxChars * 4;
    const atMax = 'z'.repeat(max);
    expect(schemas.search.safeParse({ query: atMax }).success).toBe(true);
    expect(await service.call('search', { query: atMax })).toMatchObject({ ok: true });
    const fiveThousand = 'word '.repeat(1000);
    expect(fiveThousand.length).toBe(5000);
    const expected = schemas.search.safeParse({ query: fiveThousand }).success
      ? { ok: true }
      : { ok: false, error: { code: 'INVALID_INPUT' } };
    expect(await service.call('search', { query: fiveThousand })).toMatchObject(expected);
  });
});

describe('query plans', () => {
  async function planOf(service: Service, input: Record<string, unknown>, params: unknown[]) {
    const db = service.journal.db;
    const prepare = vi.spyOn(db, 'prepare');
    let sources: string[];
    try {
      await call(service, 'listEntries', input);
      sources = prepare.mock.calls.map(([source]) => source);
    } finally {
      prepare.mockRestore();
    }
    const sql = sources.find((source) => source.includes('LIMIT ?'));
    expect(sql).toBeDefined();
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql!}`).all(...params) as Array<{
      detail: string;
    }>;
    return rows.map((row) => row.detail).join('\n');
  }

  it("walks entry_themes_by_theme for one theme's first page", async () => {
    const { service } = await createTestJournal();
    for (let index = 0; index < 5; index += 1)
      await write(service, '', `entry ${index}`, ['trust']);
    const plan = await planOf(service, { themes: ['trust'] }, ['trust', LIMITS.pageDefault + 1]);
    expect(plan).toContain('entry_themes_by_theme');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('walks entries_by_date for the default list', async () => {
    const { service } = await createTestJournal();
    for (let index = 0; index < 5; index += 1) await write(service, '', `entry ${index}`);
    const plan = await planOf(service, {}, [LIMITS.pageDefault + 1]);
    expect(plan).toContain('entries_by_date');
    expect(plan).not.toContain('TEMP B-TREE');
  });
});
