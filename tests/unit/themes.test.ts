import { describe, expect, it } from 'vitest';
import { BUILT_IN_THEME_IDS } from '../../src/shared/built-in-themes';
import type { Theme } from '../../src/shared/types';
import { call, createTestJournal, entryInput, failCode } from './helpers';

type Service = Awaited<ReturnType<typeof createTestJournal>>['service'];

const BUILT_IN_IDS: readonly string[] = BUILT_IN_THEME_IDS;

async function themeById(service: Service, id: string): Promise<Theme | undefined> {
  return (await call(service, 'listThemes')).find((theme) => theme.id === id);
}

function tagged(service: Service, text: string, themeIds: string[]) {
  return call(
    service,
    'createEntry',
    entryInput(text, { themes: themeIds.map((id) => ({ id, source: 'manual' })) }),
  );
}

describe('listing themes', () => {
  it('starts with the eight built-in themes in order', async () => {
    const { service } = await createTestJournal();
    const themes = await call(service, 'listThemes');
    expect(themes.map((theme) => theme.id)).toEqual(BUILT_IN_IDS);
    for (const theme of themes) {
      expect(theme.builtIn).toBe(true);
      expect(theme.entryCount).toBe(0);
      expect(theme.color).toMatch(/^#[0-9A-F]{6}$/);
      expect(theme.label.length).toBeGreaterThan(0);
      expect(theme.description.length).toBeGreaterThan(0);
    }
  });

  it('counts entries outside the trash only', async () => {
    const { service } = await createTestJournal();
    await tagged(service, 'one', ['trust']);
    const two = await tagged(service, 'two', ['trust', 'boundaries']);
    expect((await themeById(service, 'trust'))?.entryCount).toBe(2);
    expect((await themeById(service, 'boundaries'))?.entryCount).toBe(1);
    await call(service, 'trashEntry', { id: two.id });
    expect((await themeById(service, 'trust'))?.entryCount).toBe(1);
    expect((await themeById(service, 'boundaries'))?.entryCount).toBe(0);
    await call(service, 'restoreEntry', { id: two.id });
    expect((await themeById(service, 'boundaries'))?.entryCount).toBe(1);
    await call(service, 'trashEntry', { id: two.id });
    await call(service, 'emptyTrash');
    expect((await themeById(service, 'trust'))?.entryCount).toBe(1);
  });
});

describe('user themes', () => {
  it('creates a theme with a slug id and a default colour', async () => {
    const { service } = await createTestJournal();
    const grief = await call(service, 'createTheme', { label: '  Grief &   Loss ' });
    expect(grief).toMatchObject({
      id: 'grief-loss',
      label: 'Grief & Loss',
      description: '',
      builtIn: false,
      entryCount: 0,
    });
    expect(grief.color).toMatch(/^#[0-9A-F]{6}$/);
    const coloured = await call(service, 'createTheme', {
      label: 'Café mornings',
      color: '#a1b2c3',
    });
    expect(coloured).toMatchObject({ id: 'cafe-mornings', color: '#A1B2C3' });
    const ids = (await call(service, 'listThemes')).map((theme) => theme.id);
    expect(ids).toEqual([...BUILT_IN_IDS, 'grief-loss', 'cafe-mornings']);
  });

  it('refuses a duplicate label whatever its case, and an empty one', async () => {
    const { service } = await createTestJournal();
    await call(service, 'createTheme', { label: 'Grief' });
    await call(service, 'createTheme', { label: 'Ärger' });
    for (const label of [
      'grief',
      'GRIEF',
      ' Grief ',
      'TRUST',
      'asking for HELP',
      'ärger',
      'ÄRGER',
    ]) {
      expect(await failCode(service, 'createTheme', { label }), label).toBe('CONFLICT');
    }
    for (const label of ['', '   ', '\n\t']) {
      expect(await failCode(service, 'createTheme', { label })).toBe('INVALID_INPUT');
    }
    expect(await failCode(service, 'createTheme', { label: 'x'.repeat(61) })).toBe('INVALID_INPUT');
    expect((await call(service, 'listThemes')).length).toBe(BUILT_IN_IDS.length + 2);
  });

  it('gives non-Latin labels usable, distinct ids', async () => {
    const { service } = await createTestJournal();
    const anxiety = await call(service, 'createTheme', { label: 'Тревога' });
    const family = await call(service, 'createTheme', { label: '家族' });
    for (const theme of [anxiety, family]) expect(theme.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(anxiety.id).not.toBe(family.id);
    expect(family.label).toBe('家族');
    const entry = await tagged(service, 'together', [family.id]);
    const page = await call(service, 'listEntries', { themes: [family.id] });
    expect(page.entries.map((summary) => summary.id)).toEqual([entry.id]);
  });

  it('renames and recolours user and built-in themes', async () => {
    const { service } = await createTestJournal();
    const mine = await call(service, 'createTheme', { label: 'Work' });
    const renamed = await call(service, 'updateTheme', {
      id: mine.id,
      label: 'Work life',
      color: '#112233',
    });
    expect(renamed).toMatchObject({ id: 'work', label: 'Work life', color: '#112233' });
    expect(await call(service, 'updateTheme', { id: mine.id, label: 'WORK LIFE' })).toMatchObject({
      label: 'WORK LIFE',
    });
    const trust = await call(service, 'updateTheme', { id: 'trust', label: 'Faith in people' });
    expect(trust).toMatchObject({ id: 'trust', label: 'Faith in people', builtIn: true });
    expect((await call(service, 'updateTheme', { id: 'trust', color: '#abcdef' })).color).toBe(
      '#ABCDEF',
    );
    expect(
      await failCode(service, 'updateTheme', { id: 'boundaries', label: 'faith IN people' }),
    ).toBe('CONFLICT');
    expect(await failCode(service, 'updateTheme', { id: 'no-such', label: 'x' })).toBe('NOT_FOUND');
    expect(await failCode(service, 'updateTheme', { id: 'trust', color: 'red' })).toBe(
      'INVALID_INPUT',
    );
  });
});

describe('merging and deleting', () => {
  it('moves entries onto the target, collapsing duplicates, and removes the source', async () => {
    const { service } = await createTestJournal();
    const worry = await call(service, 'createTheme', { label: 'Worry' });
    const onlySource = await tagged(service, 'a', [worry.id]);
    const bothThemes = await tagged(service, 'b', [worry.id, 'trust']);
    const onlyTarget = await tagged(service, 'c', ['trust']);
    const merged = await call(service, 'mergeThemes', { from: worry.id, into: 'trust' });
    expect(merged).toMatchObject({ id: 'trust', entryCount: 3 });
    expect(await themeById(service, worry.id)).toBeUndefined();
    for (const { id } of [onlySource, bothThemes, onlyTarget]) {
      expect((await call(service, 'getEntry', { id })).themes).toEqual([
        { id: 'trust', source: 'manual' },
      ]);
    }
    const page = await call(service, 'listEntries', { themes: ['trust'] });
    expect(page.entries.map((entry) => entry.id)).toEqual([
      onlyTarget.id,
      bothThemes.id,
      onlySource.id,
    ]);
  });

  it('refuses to merge a built-in theme away or a theme into itself', async () => {
    const { service } = await createTestJournal();
    const mine = await call(service, 'createTheme', { label: 'Mine' });
    expect(await failCode(service, 'mergeThemes', { from: 'trust', into: mine.id })).toBe(
      'INVALID_INPUT',
    );
    expect(await failCode(service, 'mergeThemes', { from: mine.id, into: mine.id })).toBe(
      'INVALID_INPUT',
    );
    expect(await failCode(service, 'mergeThemes', { from: mine.id, into: 'nope' })).toBe(
      'NOT_FOUND',
    );
    expect(await themeById(service, 'trust')).toBeDefined();
    expect(await themeById(service, mine.id)).toBeDefined();
  });

  it('deletes a user theme and its tags, never its entries', async () => {
    const { service } = await createTestJournal();
    const mine = await call(service, 'createTheme', { label: 'Passing thought' });
    const entry = await tagged(service, 'still here', [mine.id, 'trust']);
    await call(service, 'deleteTheme', { id: mine.id });
    expect(await themeById(service, mine.id)).toBeUndefined();
    expect(await call(service, 'getEntry', { id: entry.id })).toMatchObject({
      text: 'still here',
      themes: [{ id: 'trust', source: 'manual' }],
    });
    expect((await call(service, 'listEntries', { themes: [mine.id] })).entries).toEqual([]);
    // A new theme of the same name starts empty.
    const again = await call(service, 'createTheme', { label: 'Passing thought' });
    expect(again).toMatchObject({ id: mine.id, entryCount: 0 });
  });

  it('refuses to delete a built-in theme', async () => {
    const { service } = await createTestJournal();
    await tagged(service, 'x', ['trust']);
    expect(await failCode(service, 'deleteTheme', { id: 'trust' })).toBe('INVALID_INPUT');
    expect(await failCode(service, 'deleteTheme', { id: 'no-such-theme' })).toBe('NOT_FOUND');
    expect((await themeById(service, 'trust'))?.entryCount).toBe(1);
  });
});
