import type { Prompt, Theme } from '../../../shared/types';

/** The prompt an entry started from, shown quietly above the writing. */
export function PromptPanel({ prompt, themes }: { prompt: Prompt; themes: Theme[] }) {
  const theme = themes.find((candidate) => candidate.id === prompt.themeId);
  return (
    <aside className="entry-prompt" aria-label="Prompt">
      {theme && (
        <p className="entry-prompt-theme">
          <span className="theme-dot" style={{ background: theme.color }} aria-hidden="true" />
          {theme.label}
        </p>
      )}
      <p className="entry-prompt-text">{prompt.text}</p>
    </aside>
  );
}
