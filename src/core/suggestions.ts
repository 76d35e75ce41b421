import { JournalError } from '../shared/errors';
import type { ParsedOf } from '../shared/schemas';
import type { ThemeSuggestion } from '../shared/types';
import type { Db } from './db/database';
import { sql } from './db/statements';
import { seqOf } from './entries';
import { suggestThemes } from './suggest';
import { listThemes } from './themes';

/**
 * Theme suggestions for an entry, worked out in the core from its plain text: the built-in
 * themes and the person's own (by name and keywords). For a stored entry, the themes it already
 * has and the suggestions dismissed on it are left out.
 */
export function suggestForEntry(db: Db, input: ParsedOf<'suggestThemes'>): ThemeSuggestion[] {
  const themes = listThemes(db);
  const userThemes = themes
    .filter((theme) => !theme.builtIn)
    .map((theme) => ({ id: theme.id, label: theme.label, keywords: theme.keywords }));
  const known = new Set(themes.map((theme) => theme.id));
  const left = new Set<string>();
  if (input.entryId !== undefined) {
    const seq = seqOf(db, input.entryId);
    for (const id of sql(db, 'SELECT theme_id FROM entry_themes WHERE entry_seq = ?')
      .pluck()
      .all(seq) as string[]) {
      left.add(id);
    }
    for (const id of sql(db, 'SELECT theme_id FROM suggestion_dismissals WHERE entry_seq = ?')
      .pluck()
      .all(seq) as string[]) {
      left.add(id);
    }
  }
  return suggestThemes(input.text, { userThemes })
    .filter((suggestion) => known.has(suggestion.themeId) && !left.has(suggestion.themeId))
    .map(({ themeId, score, why }) => ({ themeId, score, why }));
}

/** The person said no to a suggested theme on this entry: it is not offered again for it. */
export function dismissSuggestion(db: Db, input: ParsedOf<'dismissSuggestion'>): void {
  const seq = seqOf(db, input.entryId);
  if (!sql(db, 'SELECT 1 FROM themes WHERE id = ?').get(input.themeId)) {
    throw new JournalError('NOT_FOUND', `There is no theme “${input.themeId}”.`);
  }
  sql(
    db,
    `INSERT INTO suggestion_dismissals (entry_seq, theme_id, dismissed_at) VALUES (?, ?, ?)
     ON CONFLICT (entry_seq, theme_id) DO NOTHING`,
  ).run(seq, input.themeId, Date.now());
}
