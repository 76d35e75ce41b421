import builtInThemes from '../../resources/themes.json';
import { describe, expect, it } from 'vitest';
import { PROMPTS, dailyPrompt, listPrompts, promptById } from '../../src/core/prompts';
import type { PromptKind } from '../../src/shared/types';
import { call, createTestJournal, failCode } from './helpers';

const BUILT_IN_IDS = builtInThemes.map((theme) => theme.id);
const KINDS: PromptKind[] = ['noticing', 'roots', 'experiment', 'reframe', 'receiving', 'balance'];

/** `count` consecutive ISO dates starting at `start`. */
function days(start: string, count: number): string[] {
  const first = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) =>
    new Date(first + index * 86_400_000).toISOString().slice(0, 10),
  );
}

describe('the prompt library', () => {
  it('holds at least eight prompts for every built-in theme', () => {
    for (const themeId of BUILT_IN_IDS) {
      expect(listPrompts(themeId).length, themeId).toBeGreaterThanOrEqual(8);
    }
    expect(new Set(PROMPTS.map((prompt) => prompt.themeId))).toEqual(new Set(BUILT_IN_IDS));
  });

  it('gives every prompt a unique id, a known kind and a question', () => {
    expect(new Set(PROMPTS.map((prompt) => prompt.id)).size).toBe(PROMPTS.length);
    expect(new Set(PROMPTS.map((prompt) => prompt.text)).size).toBe(PROMPTS.length);
    for (const prompt of PROMPTS) {
      expect(prompt.text.trim(), prompt.id).toMatch(/\?$/);
      expect(prompt.text, prompt.id).toBe(prompt.text.trim());
      expect(KINDS).toContain(prompt.kind);
      expect(promptById(prompt.id)).toBe(prompt);
    }
    expect(promptById('no.such-prompt')).toBeUndefined();
  });

  it('lists by theme, in the built-in order when unfiltered', () => {
    const boundaries = listPrompts('boundaries');
    expect(boundaries.every((prompt) => prompt.themeId === 'boundaries')).toBe(true);
    expect(listPrompts('no-such-theme')).toEqual([]);
    const themeOrder = [...new Set(listPrompts().map((prompt) => prompt.themeId))];
    expect(themeOrder).toEqual(BUILT_IN_IDS);
    expect(listPrompts()).toHaveLength(PROMPTS.length);
  });
});

describe('the daily prompt', () => {
  it('is the same for the same date', () => {
    for (const date of ['2025-01-01', '1969-12-31', '2031-07-15']) {
      expect(dailyPrompt(date)).toEqual(dailyPrompt(date));
      expect(PROMPTS).toContain(dailyPrompt(date));
    }
  });

  it('changes from one day to the next and visits every theme within a week or so', () => {
    const dates = days('2024-12-20', 400);
    const prompts = dates.map(dailyPrompt);
    for (let index = 1; index < prompts.length; index += 1) {
      expect(prompts[index]!.id, dates[index]).not.toBe(prompts[index - 1]!.id);
    }
    const firstEight = new Set(prompts.slice(0, 8).map((prompt) => prompt.themeId));
    expect(firstEight).toEqual(new Set(BUILT_IN_IDS));
    // Over a year the rotation reaches far beyond the first prompt of each theme.
    expect(new Set(prompts.map((prompt) => prompt.id)).size).toBeGreaterThan(
      BUILT_IN_IDS.length * 5,
    );
  });

  it('is served by the journal service', async () => {
    const { service } = await createTestJournal();
    expect(await call(service, 'getDailyPrompt', { date: '2025-06-01' })).toEqual(
      dailyPrompt('2025-06-01'),
    );
    expect(await call(service, 'listPrompts', { themeId: 'receiving' })).toEqual(
      listPrompts('receiving'),
    );
    expect(await call(service, 'listPrompts', {})).toHaveLength(PROMPTS.length);
    expect(await failCode(service, 'getDailyPrompt', { date: '2025-02-30' })).toBe('INVALID_INPUT');
    expect(await failCode(service, 'getDailyPrompt', {})).toBe('INVALID_INPUT');
    expect(await failCode(service, 'listPrompts', { themeId: 'Bad Id' })).toBe('INVALID_INPUT');
  });
});
