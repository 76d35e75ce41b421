import type { Insights } from '../../../shared/insights';
import { ChartFigure } from './ChartFigure';
import { dayLabel } from './labels';

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

function isoDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** 0 for no writing, then 1-4 by words written that day (a quiet scale, not a score). */
function level(words: number): number {
  if (words <= 0) return 0;
  if (words < 150) return 1;
  if (words < 400) return 2;
  if (words < 800) return 3;
  return 4;
}

/**
 * The days written on, as a calendar of weeks (columns, Monday at the top). Deliberately no
 * streak or count of missed days: only when there was writing, and roughly how much.
 */
export function WritingCalendar({ insights }: { insights: Insights }) {
  const { from, to } = insights.writingDaysRange;
  const byDay = new Map(insights.writingDays.map((day) => [day.date, day]));
  const first = dayNumber(from);
  const last = dayNumber(to);
  // Start on the Monday of the first week, so rows are weekdays.
  const weekday = (new Date(first * DAY_MS).getUTCDay() + 6) % 7;
  const cells: Array<{ day: string | null; level: number; title: string }> = [];
  for (let n = first - weekday; n <= last; n++) {
    if (n < first) {
      cells.push({ day: null, level: 0, title: '' });
      continue;
    }
    const day = isoDay(n);
    const written = byDay.get(day);
    cells.push({
      day,
      level: level(written?.words ?? 0),
      title: written
        ? `${dayLabel(day)}: ${written.entries === 1 ? '1 entry' : `${written.entries} entries`}, ${written.words} words`
        : dayLabel(day),
    });
  }
  const daysWritten = insights.writingDays.length;
  return (
    <ChartFigure
      title="Days you wrote"
      description={`From ${dayLabel(from)} to ${dayLabel(to)}: ${daysWritten === 1 ? 'one day' : `${daysWritten} days`} with writing. Darker days have more words.`}
      columns={[
        { label: 'Day' },
        { label: 'Entries', numeric: true },
        { label: 'Words', numeric: true },
      ]}
      rows={insights.writingDays.map((day) => [dayLabel(day.date), day.entries, day.words])}
    >
      <div
        className="writing-calendar"
        role="img"
        aria-label={`Calendar of the days you wrote: ${daysWritten} days between ${dayLabel(from)} and ${dayLabel(to)}. Use “Show as a table” for each day.`}
      >
        {cells.map((cell, index) => (
          <span
            key={cell.day ?? `pad-${index}`}
            className={`calendar-day level-${cell.level}${cell.day ? '' : ' calendar-pad'}`}
            title={cell.title || undefined}
          />
        ))}
      </div>
      <p className="calendar-legend" aria-hidden="true">
        Fewer words <span className="calendar-day level-1" />
        <span className="calendar-day level-2" />
        <span className="calendar-day level-3" />
        <span className="calendar-day level-4" /> More
      </p>
    </ChartFigure>
  );
}
