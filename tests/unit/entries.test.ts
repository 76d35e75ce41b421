import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listPrompts } from '../../src/core/prompts';
import { localDate } from '../../src/core/time';
import type { EntryPage, EntrySummary } from '../../src/shared/types';
import { TZ, call, createTestJournal, doc, entryInput, failCode, linkDoc } from './helpers';

type Service = Awaited<ReturnType<typeof createTestJournal>>['service'];

function write(service: Service, text: string, extra: Record<string, unknown> = {}) {
  return call(service, 'createEntry', entryInput(text, extra));
}

function refuse(service: Service, text: string, extra: Record<string, unknown> = {}) {
  return failCode(service, 'createEntry', entryInput(text, extra));
}

async function idsOf(service: Service, input: Record<string, unknown>): Promise<string[]> {
  return (await call(service, 'listEntries', input)).entries.map((entry) => entry.id);
}

describe('create, read, update', () => {
  it('round-trips an entry and bumps its version on update', async () => {
    const { service } = await createTestJournal();
    const before = Date.now();
    const created = await call(service, 'createEntry', {
      title: '  A hard day  ',
      doc: doc('I asked for help.\nIt went fine.'),
      timeZone: TZ,
    });
    const after = Date.now();
    expect(created).toMatchObject({
      title: 'A hard day',
      text: 'I asked for help.\n\nIt went fine.',
      wordCount: 7,
      createdTimeZone: TZ,
      updatedTimeZone: TZ,
      starred: false,
      promptId: null,
      deletedAt: null,
      version: 1,
      themes: [],
    });
    expect([localDate(before, TZ), localDate(after, TZ)]).toContain(created.entryDate);
    expect(created.createdAt).toBeGreaterThanOrEqual(before);
    expect(created.createdAt).toBeLessThanOrEqual(after);
    expect(await call(service, 'getEntry', { id: created.id })).toEqual(created);

    const updated = await call(service, 'updateEntry', {
      id: created.id,
      baseVersion: 1,
      timeZone: 'America/New_York',
      doc: doc('Rewritten entirely.'),
      starred: true,
    });
    expect(updated).toMatchObject({
      title: 'A hard day',
      text: 'Rewritten entirely.',
      wordCount: 2,
      starred: true,
      version: 2,
      createdTimeZone: TZ,
      updatedTimeZone: 'America/New_York',
      createdAt: created.createdAt,
      entryDate: created.entryDate,
    });
    expect(updated.updatedAt).toBeGreaterThanOrEqual(created.updatedAt);
    expect(await call(service, 'getEntry', { id: created.id })).toEqual(updated);
  });

  it("dates an entry by the writer's own time zone", async () => {
    const { service } = await createTestJournal();
    // Fourteen hours ahead of UTC and eleven behind: the same instant is never the same day.
    const east = await write(service, 'x', { timeZone: 'Pacific/Kiritimati' });
    const west = await write(service, 'x', { timeZone: 'Pacific/Pago_Pago' });
    expect(east.entryDate).toBe(localDate(east.createdAt, 'Pacific/Kiritimati'));
    expect(west.entryDate).toBe(localDate(west.createdAt, 'Pacific/Pago_Pago'));
    expect(east.entryDate > west.entryDate).toBe(true);
  });

  it('keeps several entries on one day, newest first', async () => {
    const { service } = await createTestJournal();
    const ids: string[] = [];
    for (const word of ['morning', 'noon', 'evening']) {
      ids.push((await write(service, word, { entryDate: '2025-03-01' })).id);
    }
    expect(await idsOf(service, {})).toEqual(ids.reverse());
  });

  it('makes a create with a client id idempotent', async () => {
    const { service } = await createTestJournal();
    const id = randomUUID();
    const first = await write(service, 'same words', { id, title: 'T' });
    const again = await write(service, 'same words', { id, title: 'T' });
    expect(again).toEqual(first);
    expect(await refuse(service, 'other words', { id, title: 'T' })).toBe('CONFLICT');
    expect(await idsOf(service, {})).toEqual([id]);
    expect((await call(service, 'getEntry', { id })).text).toBe('same words');
  });

  it('refuses a stale save but accepts a retried identical one', async () => {
    const { service } = await createTestJournal();
    const { id } = await write(service, 'version one');
    const save = { id, baseVersion: 1, timeZone: TZ, doc: doc('version two') };
    expect((await call(service, 'updateEntry', save)).version).toBe(2);
    const retried = await call(service, 'updateEntry', save);
    expect(retried).toMatchObject({ version: 2, text: 'version two' });
    expect(
      await failCode(service, 'updateEntry', { ...save, doc: doc('written in another window') }),
    ).toBe('CONFLICT');
    expect(await failCode(service, 'updateEntry', { ...save, title: 'new title' })).toBe(
      'CONFLICT',
    );
    expect(await call(service, 'getEntry', { id })).toMatchObject({
      version: 2,
      text: 'version two',
    });
  });

  it('validates documents and removes unsafe links but keeps their text', async () => {
    const { service } = await createTestJournal();
    for (const bad of [{}, 'not json', { root: { type: 'paragraph' } }, null, 42]) {
      expect(await failCode(service, 'createEntry', { doc: bad, timeZone: TZ })).toBe(
        'INVALID_INPUT',
      );
    }
    const unsafe = await call(service, 'createEntry', {
      doc: linkDoc(' JavaScript:alert(document.cookie)', 'click me'),
      timeZone: TZ,
    });
    expect(unsafe.text).toBe('see click me');
    expect(JSON.stringify(unsafe.doc)).not.toMatch(/javascript|"link"/i);
    const safe = await call(service, 'createEntry', {
      doc: linkDoc('https://example.org/', 'a site'),
      timeZone: TZ,
    });
    expect(safe.text).toBe('see a site');
    expect(JSON.stringify(safe.doc)).toContain('https://example.org/');
  });

  it('refuses an oversized title', async () => {
    const { service } = await createTestJournal();
    expect(await refuse(service, 'x', { title: 'a'.repeat(501) })).toBe('INVALID_INPUT');
    const fits = await write(service, 'x', { title: 'a'.repeat(500) });
    expect(
      await failCode(service, 'updateEntry', {
        id: fits.id,
        baseVersion: 1,
        timeZone: TZ,
        title: 'b'.repeat(501),
      }),
    ).toBe('INVALID_INPUT');
  });
});

describe('trash', () => {
  it('hides trashed entries from the list and from search until restored', async () => {
    const { service } = await createTestJournal();
    const kept = await write(service, 'kept lighthouse');
    const gone = await write(service, 'trashed lighthouse');
    expect((await call(service, 'trashEntry', { id: gone.id })).deletedAt).toEqual(
      expect.any(Number),
    );
    expect(await idsOf(service, {})).toEqual([kept.id]);
    expect(await idsOf(service, { trash: true })).toEqual([gone.id]);
    const hits = (await call(service, 'search', { query: 'lighthouse' })).hits;
    expect(hits.map((hit) => hit.id)).toEqual([kept.id]);
    expect((await call(service, 'restoreEntry', { id: gone.id })).deletedAt).toBeNull();
    expect((await idsOf(service, {})).sort()).toEqual([kept.id, gone.id].sort());
    expect((await call(service, 'search', { query: 'lighthouse' })).hits).toHaveLength(2);
  });

  it('deletes forever only from the trash, and empties the trash', async () => {
    const { service } = await createTestJournal();
    const ids: string[] = [];
    for (const word of ['one', 'two', 'three', 'four']) {
      ids.push((await write(service, word)).id);
    }
    const [a, b, c, d] = ids as [string, string, string, string];
    expect(await failCode(service, 'deleteEntryForever', { id: a })).toBe('INVALID_INPUT');
    await call(service, 'trashEntry', { id: a });
    await call(service, 'deleteEntryForever', { id: a });
    expect(await failCode(service, 'getEntry', { id: a })).toBe('NOT_FOUND');
    await call(service, 'trashEntry', { id: b });
    await call(service, 'trashEntry', { id: c });
    expect(await call(service, 'emptyTrash')).toEqual({ deleted: 2 });
    expect(await idsOf(service, { trash: true })).toEqual([]);
    expect(await idsOf(service, {})).toEqual([d]);
  });
});

describe('listing', () => {
  it('filters by star and by date range', async () => {
    const { service } = await createTestJournal();
    const make = (entryDate: string, starred = false) =>
      write(service, entryDate, { entryDate, starred });
    const jan = await make('2025-01-15', true);
    const feb = await make('2025-02-10');
    const mar = await make('2025-03-05', true);
    expect(await idsOf(service, { starred: true })).toEqual([mar.id, jan.id]);
    expect(await idsOf(service, { starred: false })).toEqual([feb.id]);
    expect(await idsOf(service, { from: '2025-02-01', to: '2025-03-05' })).toEqual([
      mar.id,
      feb.id,
    ]);
    expect(await idsOf(service, { to: '2025-02-09' })).toEqual([jan.id]);
    expect(await idsOf(service, { from: '2025-01-16', starred: true })).toEqual([mar.id]);
  });

  it('pages through 120 entries with every entry exactly once, newest first', async () => {
    const { service } = await createTestJournal();
    const created: Array<EntrySummary & { index: number }> = [];
    for (let index = 0; index < 120; index += 1) {
      const entryDate = `2024-0${1 + (index % 7)}-${String(1 + ((index * 7) % 28)).padStart(2, '0')}`;
      const entry = await write(service, `entry ${index}`, { entryDate });
      created.push({ ...entry, index });
    }
    const seen: EntrySummary[] = [];
    const cursors: Array<string | null> = [];
    do {
      const page: EntryPage = await call(service, 'listEntries', {
        limit: 50,
        cursor: cursors.at(-1),
      });
      seen.push(...page.entries);
      cursors.push(page.nextCursor);
    } while (cursors.at(-1) !== null);
    expect(cursors).toHaveLength(3);
    expect(new Set(seen.map((entry) => entry.id)).size).toBe(120);
    const expected = [...created].sort(
      (x, y) =>
        y.entryDate.localeCompare(x.entryDate) || y.createdAt - x.createdAt || y.index - x.index,
    );
    expect(seen.map((entry) => entry.id)).toEqual(expected.map((entry) => entry.id));
  });

  it('filters by themes, any or all', async () => {
    const { service } = await createTestJournal();
    const tagged = (text: string, ids: string[]) =>
      write(service, text, {
        themes: ids.map((id) => ({ id, source: 'manual' })),
      });
    const a = await tagged('a', ['trust']);
    const b = await tagged('b', ['trust', 'boundaries', 'receiving']);
    const c = await tagged('c', ['boundaries']);
    await tagged('d', []);
    const both = ['trust', 'boundaries'];
    expect(await idsOf(service, { themes: ['trust'] })).toEqual([b.id, a.id]);
    expect(await idsOf(service, { themes: both })).toEqual([c.id, b.id, a.id]);
    expect(await idsOf(service, { themes: both, themeMode: 'all' })).toEqual([b.id]);
    expect(await idsOf(service, { themes: [...both, 'receiving'], themeMode: 'all' })).toEqual([
      b.id,
    ]);
    expect(await idsOf(service, { themes: ['connection'] })).toEqual([]);
    await call(service, 'trashEntry', { id: b.id });
    expect(await idsOf(service, { themes: ['trust'] })).toEqual([a.id]);
    expect(await idsOf(service, { themes: both, themeMode: 'all' })).toEqual([]);
    expect(await idsOf(service, { themes: ['trust'], trash: true })).toEqual([b.id]);
  });
});

describe('themes and prompts on entries', () => {
  it("tags a prompted entry with the prompt's theme, and the tag can be removed", async () => {
    const { service } = await createTestJournal();
    const prompt = listPrompts('boundaries')[0]!;
    const entry = await write(service, 'no', { promptId: prompt.id });
    expect(entry.promptId).toBe(prompt.id);
    expect(entry.themes).toEqual([{ id: 'boundaries', source: 'prompt' }]);
    const setTheme = (themeId: string, on: boolean) =>
      call(service, 'setEntryTheme', { id: entry.id, themeId, on });
    const added = await setTheme('trust', true);
    expect(added.themes).toEqual([
      { id: 'trust', source: 'manual' },
      { id: 'boundaries', source: 'prompt' },
    ]);
    const removed = await setTheme('boundaries', false);
    expect(removed.themes).toEqual([{ id: 'trust', source: 'manual' }]);
    expect(await idsOf(service, { themes: ['boundaries'] })).toEqual([]);
  });

  it('says NOT_FOUND for an unknown prompt, theme or entry', async () => {
    const { service } = await createTestJournal();
    expect(await refuse(service, 'x', { promptId: 'no.such-prompt' })).toBe('NOT_FOUND');
    const themes = [{ id: 'no-such-theme', source: 'manual' }];
    expect(await refuse(service, 'x', { themes })).toBe('NOT_FOUND');
    expect(await idsOf(service, {})).toEqual([]);
    const { id } = await write(service, 'x');
    expect(
      await failCode(service, 'setEntryTheme', { id, themeId: 'no-such-theme', on: true }),
    ).toBe('NOT_FOUND');
    expect(await failCode(service, 'getEntry', { id: randomUUID() })).toBe('NOT_FOUND');
    expect(await failCode(service, 'trashEntry', { id: randomUUID() })).toBe('NOT_FOUND');
  });

  it('refuses malformed input', async () => {
    const { service } = await createTestJournal();
    const { id } = await write(service, 'x');
    const invalid: Array<[Parameters<Service['call']>[0], unknown]> = [
      ['getEntry', { id: 'not-a-uuid' }],
      ['createEntry', entryInput('x', { entryDate: '2025-02-30' })],
      ['createEntry', entryInput('x', { entryDate: '2025-2-3' })],
      ['createEntry', entryInput('x', { timeZone: 'Mars/Olympus_Mons' })],
      ['createEntry', entryInput('x', { mood: 'sunny' })],
      ['updateEntry', { id, baseVersion: 0, timeZone: TZ }],
      ['updateEntry', { id, baseVersion: 1, timeZone: TZ, owner: 'me' }],
      ['listEntries', { from: '2025-13-01' }],
      ['listEntries', { cursor: 'garbage!' }],
      ['listEntries', { limit: 0 }],
      ['setEntryTheme', { id, themeId: 'Not A Slug', on: true }],
    ];
    for (const [method, input] of invalid) {
      expect(await failCode(service, method, input), `${method} ${JSON.stringify(input)}`).toBe(
        'INVALID_INPUT',
      );
    }
    expect(await idsOf(service, {})).toEqual([id]);
  });
});
