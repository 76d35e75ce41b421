import type { Entry, EntrySummary, Prompt, SearchHit, Theme } from '../shared/types';

export interface EntryJson {
  id: string;
  date: string;
  title: string;
  themes: string[];
  preview: string;
  starred: boolean;
  wordCount: number;
  promptId: string | null;
  createdAt: string;
  updatedAt: string;
  inTrash: boolean;
}

export function entryJson(entry: EntrySummary): EntryJson {
  return {
    id: entry.id,
    date: entry.entryDate,
    title: entry.title,
    themes: entry.themes.map((theme) => theme.id),
    preview: entry.preview,
    starred: entry.starred,
    wordCount: entry.wordCount,
    promptId: entry.promptId,
    createdAt: new Date(entry.createdAt).toISOString(),
    updatedAt: new Date(entry.updatedAt).toISOString(),
    inTrash: entry.deletedAt !== null,
  };
}

export function fullEntryJson(entry: Entry) {
  return { ...entryJson(entry), text: entry.text, doc: entry.doc };
}

export function hitJson(hit: SearchHit) {
  return {
    ...entryJson(hit),
    snippet: hit.snippet.map((part) => (part.match ? `[${part.text}]` : part.text)).join(''),
  };
}

const bold = (text: string, on: boolean) => (on ? `\u001b[1m${text}\u001b[22m` : text);

export function entryLine(entry: EntrySummary): string {
  const name = entry.title || entry.preview.slice(0, 60) || '(empty)';
  const themes = entry.themes.length > 0 ? `  [${entry.themes.map((t) => t.id).join(', ')}]` : '';
  const star = entry.starred ? ' ★' : '';
  return `${entry.entryDate}  ${entry.id}  ${name}${star}${themes}`;
}

export function hitLines(hit: SearchHit, color: boolean): string {
  const snippet = hit.snippet
    .map((part) => (part.match ? bold(part.text, color) : part.text))
    .join('');
  return `${entryLine(hit)}\n    ${snippet}`;
}

export function entryText(entry: Entry): string {
  const header = [
    entry.title || '(untitled)',
    `${entry.entryDate} · ${entry.wordCount} words${entry.starred ? ' · starred' : ''}`,
    entry.themes.length > 0 ? `Themes: ${entry.themes.map((t) => t.id).join(', ')}` : null,
    entry.promptId ? `Prompt: ${entry.promptId}` : null,
    `Id: ${entry.id}`,
  ].filter((line) => line !== null);
  return `${header.join('\n')}\n\n${entry.text}\n`;
}

export function themeLine(theme: Theme): string {
  return `${theme.id.padEnd(22)} ${String(theme.entryCount).padStart(6)}  ${theme.label}${theme.builtIn ? '' : ' (yours)'}`;
}

export function promptLine(prompt: Prompt): string {
  return `${prompt.id}\n    ${prompt.text}`;
}
