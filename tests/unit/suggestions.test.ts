import { describe, expect, it } from 'vitest';
import { call, createTestJournal, entryInput, failCode } from './helpers';

const ASKING =
  'I drafted a text to my brother asking him to take the kids on Saturday, then deleted it. I did not want to be a burden.';

describe('theme suggestions for an entry', () => {
  it('proposes themes from the text with the phrases that led to them', async () => {
    const { service } = await createTestJournal();
    const suggestions = await call(service, 'suggestThemes', { text: ASKING });
    const asking = suggestions.find((suggestion) => suggestion.themeId === 'asking-for-help');
    expect(asking).toBeDefined();
    expect(asking!.score).toBeGreaterThan(0);
    expect(asking!.score).toBeLessThanOrEqual(1);
    expect(asking!.why.length).toBeGreaterThan(0);
    for (const phrase of asking!.why) expect(ASKING).toContain(phrase);
    expect(await call(service, 'suggestThemes', { text: 'Rain all day. Made soup.' })).toEqual([]);
  });

  it('leaves out the themes an entry has and those dismissed on it, for that entry only', async () => {
    const { service } = await createTestJournal();
    const entry = await call(service, 'createEntry', entryInput(ASKING));
    const before = await call(service, 'suggestThemes', { text: ASKING, entryId: entry.id });
    expect(before.map((s) => s.themeId)).toContain('asking-for-help');

    await call(service, 'dismissSuggestion', { entryId: entry.id, themeId: 'asking-for-help' });
    // Dismissing twice is harmless.
    await call(service, 'dismissSuggestion', { entryId: entry.id, themeId: 'asking-for-help' });
    const after = await call(service, 'suggestThemes', { text: ASKING, entryId: entry.id });
    expect(after.map((s) => s.themeId)).not.toContain('asking-for-help');
    // Another entry with the same words is still offered it.
    const other = await call(service, 'createEntry', entryInput(ASKING));
    const fresh = await call(service, 'suggestThemes', { text: ASKING, entryId: other.id });
    expect(fresh.map((s) => s.themeId)).toContain('asking-for-help');

    // Accepted: stored with source "suggested", and then no longer suggested.
    const tagged = await call(service, 'setEntryTheme', {
      id: other.id,
      themeId: 'asking-for-help',
      source: 'suggested',
      on: true,
    });
    expect(tagged.themes).toContainEqual({ id: 'asking-for-help', source: 'suggested' });
    const accepted = await call(service, 'suggestThemes', { text: ASKING, entryId: other.id });
    expect(accepted.map((s) => s.themeId)).not.toContain('asking-for-help');
    const theme = (await call(service, 'listThemes')).find((t) => t.id === 'asking-for-help');
    expect(theme?.entryCount).toBe(1);
  });

  it('finds the person’s own themes by name and keywords', async () => {
    const { service } = await createTestJournal();
    const money = await call(service, 'createTheme', {
      label: 'Money worries',
      keywords: [' rent ', 'budget', 'Rent', 'overdraft'],
    });
    expect(money.keywords).toEqual(['rent', 'budget', 'overdraft']);
    const byKeyword = await call(service, 'suggestThemes', {
      text: 'The rent went up again and I sat with the budget for an hour.',
    });
    expect(byKeyword.map((s) => s.themeId)).toContain(money.id);
    const renamed = await call(service, 'updateTheme', { id: money.id, keywords: ['payday'] });
    expect(renamed.keywords).toEqual(['payday']);
    const none = await call(service, 'suggestThemes', { text: 'The rent went up again.' });
    expect(none.map((s) => s.themeId)).not.toContain(money.id);
    expect(
      await failCode(service, 'updateTheme', { id: money.id, keywords: ['x'.repeat(41)] }),
    ).toBe('INVALID_INPUT');
  });

  it('keeps what it knew of a theme merged into another: its words, name and dismissals', async () => {
    const { service } = await createTestJournal();
    const money = await call(service, 'createTheme', {
      label: 'Money worries',
      keywords: ['overdraft', 'rent'],
    });
    const bills = await call(service, 'createTheme', { label: 'Bills', keywords: ['Rent', 'gas'] });
    const text = 'The overdraft letter came again and I read it twice.';
    const entry = await call(service, 'createEntry', entryInput(text));
    await call(service, 'dismissSuggestion', { entryId: entry.id, themeId: money.id });
    const other = await call(service, 'createEntry', entryInput(text));

    const merged = await call(service, 'mergeThemes', { from: money.id, into: bills.id });
    // Bills keeps its own words first, gains the others without repeats, and the old name.
    expect(merged.keywords).toEqual(['Rent', 'gas', 'overdraft', 'Money worries']);
    // The entry where "Money worries" was turned down is not offered the theme it became…
    const dismissed = await call(service, 'suggestThemes', { text, entryId: entry.id });
    expect(dismissed.map((s) => s.themeId)).not.toContain(bills.id);
    // …while another entry with the same words is, by the merged-in keyword.
    const offered = await call(service, 'suggestThemes', { text, entryId: other.id });
    expect(offered.map((s) => s.themeId)).toContain(bills.id);
    const byOldName = await call(service, 'suggestThemes', { text: 'Money worries again.' });
    expect(byOldName.map((s) => s.themeId)).toContain(bills.id);
    const left = service.journal.db
      .prepare('SELECT theme_id FROM suggestion_dismissals')
      .pluck()
      .all();
    expect(left).toEqual([bills.id]);
  });

  it('merges keywords up to the limit, and gives a built-in theme none', async () => {
    const { service } = await createTestJournal();
    const many = Array.from({ length: 20 }, (_, i) => `word${i}`);
    const full = await call(service, 'createTheme', { label: 'Full', keywords: many });
    const extra = await call(service, 'createTheme', { label: 'Extra', keywords: ['more'] });
    const merged = await call(service, 'mergeThemes', { from: extra.id, into: full.id });
    expect(merged.keywords).toEqual(many);
    const lonely = await call(service, 'createTheme', { label: 'Lonely', keywords: ['alone'] });
    const connection = await call(service, 'mergeThemes', { from: lonely.id, into: 'connection' });
    expect(connection.keywords).toEqual([]);
    // A merged theme's keywords can be saved back as they are.
    const saved = await call(service, 'updateTheme', { id: full.id, keywords: merged.keywords });
    expect(saved.keywords).toEqual(many);
  });

  it('refuses to dismiss on an entry or theme that does not exist, and forgets with the entry', async () => {
    const { service } = await createTestJournal();
    const entry = await call(service, 'createEntry', entryInput(ASKING));
    expect(
      await failCode(service, 'dismissSuggestion', { entryId: 'nope', themeId: 'trust' }),
    ).toBe('NOT_FOUND');
    expect(
      await failCode(service, 'dismissSuggestion', { entryId: entry.id, themeId: 'nope' }),
    ).toBe('NOT_FOUND');
    expect(await failCode(service, 'suggestThemes', { text: ASKING, entryId: 'nope' })).toBe(
      'NOT_FOUND',
    );
    await call(service, 'dismissSuggestion', { entryId: entry.id, themeId: 'trust' });
    await call(service, 'trashEntry', { id: entry.id });
    await call(service, 'deleteEntryForever', { id: entry.id });
    const left = service.journal.db
      .prepare('SELECT count(*) FROM suggestion_dismissals')
      .pluck()
      .get();
    expect(left).toBe(0);
  });
});

describe('shared prepared statements', () => {
  it('come back returning rows even after another caller plucked single values', async () => {
    const { service } = await createTestJournal();
    const { sql } = await import('../../src/core/db/statements');
    const db = service.journal.db;
    const text = 'SELECT id, label FROM themes WHERE id = ?';
    expect(sql(db, text).pluck().get('trust')).toBe('trust');
    expect(sql(db, text).get('trust')).toEqual({ id: 'trust', label: 'Trust' });
  });
});
