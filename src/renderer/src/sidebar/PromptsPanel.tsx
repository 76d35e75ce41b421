import { useEffect, useId, useState } from 'react';
import type { JournalError } from '../../../shared/errors';
import type { Prompt, Theme } from '../../../shared/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { useJournalClient } from '../journal-context';
import { asJournalError } from '../lib/journal-errors';
import { localIsoDate } from './format';

interface PromptsPanelProps {
  themes: Theme[];
  onStartPrompt: (prompt: Prompt) => void;
}

interface PromptData {
  daily: Prompt | null;
  library: Prompt[];
  error: JournalError | null;
}

/** Today's prompt, then the whole library grouped by theme, each prompt one click from a page. */
export function PromptsPanel({ themes, onStartPrompt }: PromptsPanelProps) {
  const client = useJournalClient();
  const headingId = useId();
  const [data, setData] = useState<PromptData>({ daily: null, library: [], error: null });
  // The day is read once per mount: the panel does not re-render itself at midnight.
  const [today] = useState(localIsoDate);

  useEffect(() => {
    let live = true;
    Promise.all([client.getDailyPrompt({ date: today }), client.listPrompts({})]).then(
      ([daily, library]) => {
        if (live) setData({ daily, library, error: null });
      },
      (reason: unknown) => {
        if (live) setData((current) => ({ ...current, error: asJournalError(reason) }));
      },
    );
    return () => {
      live = false;
    };
  }, [client, today]);

  const groups = themes
    .map((theme) => ({
      theme,
      prompts: data.library.filter((prompt) => prompt.themeId === theme.id),
    }))
    .filter((group) => group.prompts.length > 0);

  return (
    <section className="sidebar-section prompts-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar-heading">
        Prompts
      </h2>
      <ErrorAlert error={data.error} />
      {data.daily && (
        <figure className="daily-prompt">
          <figcaption className="daily-prompt-label">Today’s prompt</figcaption>
          <blockquote className="daily-prompt-text">{data.daily.text}</blockquote>
          <button
            type="button"
            className="button-small button-accent"
            onClick={() => data.daily && onStartPrompt(data.daily)}
          >
            Write about this
          </button>
        </figure>
      )}
      {groups.length > 0 && (
        <div className="prompt-library">
          {groups.map(({ theme, prompts }) => (
            <details key={theme.id} className="prompt-group">
              <summary>
                <span
                  className="theme-dot"
                  style={{ background: theme.color }}
                  aria-hidden="true"
                />
                {theme.label}
              </summary>
              <ul className="prompt-list">
                {prompts.map((prompt) => (
                  <li key={prompt.id}>
                    <button
                      type="button"
                      className="prompt-button"
                      onClick={() => onStartPrompt(prompt)}
                    >
                      {prompt.text}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </div>
      )}
    </section>
  );
}
