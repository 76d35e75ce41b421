import { describe, expect, it } from 'vitest';
import { cleanKeywords, mergedKeywords } from '../../src/shared/keywords';
import type { Theme } from '../../src/shared/types';
import { mergeSummary } from '../../src/renderer/src/lib/merge-summary';
import { call, createTestJournal } from './helpers';

describe('what a merge hands on, as the window says it and the core stores it', () => {
  it('cleans keywords: trims, folds repeats case-insensitively, keeps order, caps at 20', () => {
    expect(cleanKeywords(['  rent ', 'Rent', 'gas\u00a0 bill', '', 'Cafe\u0301'])).toEqual([
      'rent',
      'gas bill',
      'Caf\u00e9',
    ]);
    const many = Array.from({ length: 25 }, (_, i) => `w${i}`);
    expect(cleanKeywords(many)).toEqual(many.slice(0, 20));
    expect(cleanKeywords(many, Infinity)).toEqual(many);
  });

  it('says exactly which words will not fit, and the core stores what it said', async () => {
    const { service } = await createTestJournal();
    const nineteen = Array.from({ length: 19 }, (_, i) => `word${i}`);
    const into = await call(service, 'createTheme', { label: 'Nearly full', keywords: nineteen });
    const from = await call(service, 'createTheme', {
      label: 'Evenings',
      keywords: ['WORD3', 'dusk', 'lamp'],
    });
    const plan = mergedKeywords(from, into);
    // word3 is already there; dusk takes the last place; lamp and the name do not fit.
    expect(plan.keywords).toEqual([...nineteen, 'dusk']);
    expect(plan.handedOn).toEqual(['WORD3', 'dusk']);
    expect(plan.leftOut).toEqual(['lamp', 'Evenings']);
    expect(mergeSummary(from, into)).toBe(
      'Merge Evenings into Nearly full? Its name and the words that suggest it will suggest ' +
        'Nearly full instead, except “lamp” and “Evenings”: a theme takes at most 20 keywords ' +
        'of up to 40 characters. Evenings is then removed; this cannot be undone.',
    );
    const merged = await call(service, 'mergeThemes', { from: from.id, into: into.id });
    expect(merged.keywords).toEqual(plan.keywords);
  });

  it('leaves out a name too long to be a keyword, and says so', async () => {
    const { service } = await createTestJournal();
    const label = 'Things I carry for everyone else and never put down';
    const from = await call(service, 'createTheme', { label });
    const into = await call(service, 'createTheme', { label: 'Load' });
    expect(mergeSummary(from, into)).toBe(
      `Merge ${label} into Load? Its name will not suggest Load: a theme takes at most 20 ` +
        `keywords of up to 40 characters. ${label} is then removed; this cannot be undone.`,
    );
    const merged = await call(service, 'mergeThemes', { from: from.id, into: into.id });
    expect(merged.keywords).toEqual([]);
  });

  it('counts what does not fit when it is more than three, and hands a built-in theme nothing', () => {
    const theme = (label: string, keywords: string[], builtIn = false): Theme => ({
      id: label.toLowerCase(),
      label,
      color: '#3F6E8C',
      description: '',
      builtIn,
      entryCount: 2,
      keywords,
    });
    const full = theme(
      'Full',
      Array.from({ length: 20 }, (_, i) => `k${i}`),
    );
    const from = theme('Rain', ['drizzle', 'puddle', 'umbrella']);
    expect(mergedKeywords(from, full).leftOut).toEqual(['drizzle', 'puddle', 'umbrella', 'Rain']);
    expect(mergeSummary(from, full)).toContain(
      'Its name and the words that suggest it will not suggest Full:',
    );
    const k0 = theme('K0', ['k1', 'a', 'b', 'c', 'd']);
    expect(mergeSummary(k0, full)).toContain('will suggest Full instead, except 4 of them:');
    const trust = theme('Trust', [], true);
    expect(mergedKeywords(from, trust)).toEqual({
      keywords: [],
      handedOn: [],
      leftOut: ['drizzle', 'puddle', 'umbrella', 'Rain'],
    });
    expect(mergeSummary(from, trust)).toBe(
      'Merge Rain into Trust? Its 2 entries will be tagged Trust. Its name and the words that ' +
        'suggest it will no longer suggest anything: built-in themes are suggested by what an ' +
        'entry says, not by keywords. Rain is then removed; this cannot be undone.',
    );
  });
});
