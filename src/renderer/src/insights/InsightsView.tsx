import { useEffect, useId, useState } from 'react';
import type { JournalError } from '../../../shared/errors';
import type { Insights, InsightsBucket } from '../../../shared/insights';
import type { Theme } from '../../../shared/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { useJournalClient } from '../journal-context';
import { asJournalError } from '../lib/journal-errors';
import { localIsoDate } from '../sidebar/format';
import { PromptsChart, ThemePairsChart, ThemesOverTimeChart, WordsOverTimeChart } from './charts';
import { FirstsList } from './FirstsList';
import { WritingCalendar } from './WritingCalendar';

type Span = 'year' | 'all';

interface InsightsViewProps {
  themes: Theme[];
  onOpenEntry: (id: string) => void;
  onClose: () => void;
}

const numbers = new Intl.NumberFormat();

const SPANS = [
  ['year', 'Last 12 months'],
  ['all', 'All time'],
] as const;
const BUCKETS = [
  ['week', 'Week'],
  ['month', 'Month'],
] as const;

interface SegmentedProps<T extends string> {
  legend: string;
  name: string;
  value: T;
  choices: ReadonlyArray<readonly [T, string]>;
  onChange: (value: T) => void;
}

/** A few mutually exclusive choices as radio buttons in a row. */
function Segmented<T extends string>({
  legend,
  name,
  value,
  choices,
  onChange,
}: SegmentedProps<T>) {
  return (
    <fieldset className="segmented">
      <legend>{legend}</legend>
      {choices.map(([choice, label]) => (
        <label key={choice}>
          <input
            type="radio"
            name={name}
            checked={value === choice}
            onChange={() => onChange(choice)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** A year before `today`, YYYY-MM-DD (the calendar's default span, too). */
function yearBefore(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * How the writing moves over time: themes per week or month, the days written, words, themes
 * that come together, prompts answered, and firsts. Worked out in the core over the encrypted
 * journal each time it is opened; nothing is kept. No streaks and no scores about the person.
 */
export function InsightsView({ themes, onOpenEntry, onClose }: InsightsViewProps) {
  const client = useJournalClient();
  const id = useId();
  const [bucket, setBucket] = useState<InsightsBucket>('month');
  const [span, setSpan] = useState<Span>('year');
  const [insights, setInsights] = useState<Insights | null>(null);
  const [error, setError] = useState<JournalError | null>(null);

  useEffect(() => {
    let live = true;
    const today = localIsoDate();
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    client
      .getInsights(
        span === 'year'
          ? { timeZone, bucket, from: yearBefore(today), to: today }
          : { timeZone, bucket },
      )
      .then(
        (value) => {
          if (!live) return;
          setInsights(value);
          setError(null);
        },
        (reason: unknown) => {
          if (live) setError(asJournalError(reason));
        },
      );
    return () => {
      live = false;
    };
  }, [client, bucket, span]);

  const totals = insights?.totals;
  const empty = insights !== null && totals?.entries === 0;
  return (
    <section className="insights" aria-labelledby={`${id}-title`}>
      <div className="insights-header">
        <h1 id={`${id}-title`}>Insights</h1>
        <button type="button" className="button-secondary button-small" onClick={onClose}>
          Back to writing
        </button>
      </div>
      <p className="insights-intro">
        How your writing has moved, worked out on this computer from your journal. Nothing here is a
        score.
      </p>
      <div className="insights-controls">
        <Segmented
          legend="Show"
          name={`${id}-span`}
          value={span}
          choices={SPANS}
          onChange={setSpan}
        />
        <Segmented
          legend="Group by"
          name={`${id}-bucket`}
          value={bucket}
          choices={BUCKETS}
          onChange={setBucket}
        />
      </div>
      <ErrorAlert error={error} />
      {insights === null && !error && (
        <p className="insights-intro" role="status">
          Looking through your journal…
        </p>
      )}
      {empty && (
        <div className="insights-empty">
          <h2>Nothing to show yet</h2>
          <p>
            As you write, and tag entries with themes, this page shows how your reflection moves
            over time.
          </p>
        </div>
      )}
      {insights && !empty && totals && (
        <>
          <p className="insights-totals" role="status">
            {numbers.format(totals.entries)} {totals.entries === 1 ? 'entry' : 'entries'},{' '}
            {numbers.format(totals.words)} words, on {numbers.format(totals.daysWritten)}{' '}
            {totals.daysWritten === 1 ? 'day' : 'days'}
            {totals.themesUsed > 0
              ? `, with ${totals.themesUsed} ${totals.themesUsed === 1 ? 'theme' : 'themes'}`
              : ''}
            .
          </p>
          <ThemesOverTimeChart insights={insights} themes={themes} />
          <WritingCalendar insights={insights} />
          <WordsOverTimeChart insights={insights} themes={themes} />
          {insights.coOccurrence.pairs.length > 0 && (
            <ThemePairsChart insights={insights} themes={themes} />
          )}
          {insights.promptsPerTheme.length > 0 && (
            <PromptsChart insights={insights} themes={themes} />
          )}
          <FirstsList insights={insights} themes={themes} onOpenEntry={onOpenEntry} />
        </>
      )}
    </section>
  );
}
