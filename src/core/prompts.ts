import askingForHelp from '../../resources/prompts/asking-for-help.json';
import boundaries from '../../resources/prompts/boundaries.json';
import connection from '../../resources/prompts/connection.json';
import interdependence from '../../resources/prompts/interdependence.json';
import receiving from '../../resources/prompts/receiving.json';
import selfReliance from '../../resources/prompts/self-reliance.json';
import trust from '../../resources/prompts/trust.json';
import vulnerability from '../../resources/prompts/vulnerability.json';
import builtInThemes from '../../resources/themes.json';
import type { Prompt, PromptKind } from '../shared/types';

interface PromptFile {
  theme: string;
  prompts: Array<{ id: string; kind: string; text: string }>;
}

const FILES: PromptFile[] = [
  trust,
  askingForHelp,
  boundaries,
  vulnerability,
  receiving,
  connection,
  selfReliance,
  interdependence,
];

/** Theme order follows the built-in themes, so the daily rotation visits each in turn. */
export const PROMPTS: readonly Prompt[] = builtInThemes.flatMap((theme) => {
  const file = FILES.find((candidate) => candidate.theme === theme.id);
  return (file?.prompts ?? []).map((prompt) => ({
    id: prompt.id,
    themeId: theme.id,
    kind: prompt.kind as PromptKind,
    text: prompt.text,
  }));
});

const BY_ID = new Map(PROMPTS.map((prompt) => [prompt.id, prompt]));

export function promptById(id: string): Prompt | undefined {
  return BY_ID.get(id);
}

export function listPrompts(themeId?: string): Prompt[] {
  return themeId ? PROMPTS.filter((prompt) => prompt.themeId === themeId) : [...PROMPTS];
}

/**
 * The same local day always shows the same prompt, and consecutive days move to the next
 * theme, so a week of prompts touches most themes.
 */
export function dailyPrompt(date: string): Prompt {
  const day = Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
  const themeIds = builtInThemes.map((theme) => theme.id);
  const themeId = themeIds[((day % themeIds.length) + themeIds.length) % themeIds.length]!;
  const ofTheme = listPrompts(themeId);
  const round = Math.floor(day / themeIds.length);
  return ofTheme[((round % ofTheme.length) + ofTheme.length) % ofTheme.length]!;
}
