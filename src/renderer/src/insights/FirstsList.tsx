import type { EntryRef, Insights } from '../../../shared/insights';
import type { Theme } from '../../../shared/types';
import { dayLabel } from './labels';

interface FirstsListProps {
  insights: Insights;
  themes: Theme[];
  onOpenEntry: (id: string) => void;
}

function EntryLink({ entry, onOpenEntry }: { entry: EntryRef; onOpenEntry: (id: string) => void }) {
  return (
    <button type="button" className="button-link" onClick={() => onOpenEntry(entry.id)}>
      {entry.title.trim() || 'Untitled entry'}
    </button>
  );
}

/** The first entry with each theme, and the days writing came back after a long pause. */
export function FirstsList({ insights, themes, onOpenEntry }: FirstsListProps) {
  const { themes: firsts, afterGaps } = insights.firsts;
  const label = (id: string) => themes.find((theme) => theme.id === id)?.label ?? id;
  return (
    <section className="insight-figure" aria-labelledby="insights-firsts">
      <h2 id="insights-firsts">Firsts</h2>
      {firsts.length === 0 ? (
        <p className="insight-description">
          Themes you add to entries will show their first one here.
        </p>
      ) : (
        <ul className="firsts-list">
          {firsts.map((first) => (
            <li key={first.themeId}>
              First about <strong>{label(first.themeId)}</strong> on{' '}
              {dayLabel(first.entry.entryDate)}:{' '}
              <EntryLink entry={first.entry} onOpenEntry={onOpenEntry} />
            </li>
          ))}
        </ul>
      )}
      {afterGaps.length > 0 && (
        <>
          <h3>Coming back after a while</h3>
          <ul className="firsts-list">
            {afterGaps.map((gap) => (
              <li key={gap.entry.id}>
                {dayLabel(gap.entry.entryDate)}, after {gap.gapDays} days away:{' '}
                <EntryLink entry={gap.entry} onOpenEntry={onOpenEntry} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
