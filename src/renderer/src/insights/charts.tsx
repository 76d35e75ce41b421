import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Insights } from '../../../shared/insights';
import type { Theme } from '../../../shared/types';
import { ChartFigure } from './ChartFigure';
import { bucketLabel, bucketLongLabel } from './labels';

interface ChartProps {
  insights: Insights;
  themes: Theme[];
}

/** Colours follow the window's light or dark scheme through its CSS custom properties. */
const TOOLTIP_STYLE = {
  background: 'var(--surface)',
  color: 'var(--text)',
  border: '1px solid var(--border)',
  borderRadius: '0.5rem',
};
const UNTAGGED = '__untagged';

/** A tooltip's heading: the period in full ("Week of 3 Mar 2025"), carried on each row. */
function longLabel(_label: unknown, items: ReadonlyArray<{ payload?: unknown }>): string {
  const row = items[0]?.payload as { long?: unknown } | undefined;
  return typeof row?.long === 'string' ? row.long : '';
}
const HEIGHT = 260;

function labelOf(themes: Theme[], id: string): string {
  return themes.find((theme) => theme.id === id)?.label ?? id;
}

/** Entries per theme per week or month, stacked: how reflection moves between themes. */
export function ThemesOverTimeChart({ insights, themes }: ChartProps) {
  const used = themes.filter((theme) =>
    insights.themesOverTime.some((span) => (span.themes[theme.id] ?? 0) > 0),
  );
  const anyUntagged = insights.themesOverTime.some((span) => span.untagged > 0);
  const data = insights.themesOverTime.map((span) => ({
    label: bucketLabel(span, insights.bucket),
    long: bucketLongLabel(span, insights.bucket),
    ...span.themes,
    [UNTAGGED]: span.untagged,
  }));
  const per = insights.bucket === 'week' ? 'week' : 'month';
  return (
    <ChartFigure
      title="Themes over time"
      description={`Entries about each theme, per ${per}. An entry with two themes counts in both.`}
      columns={[
        { label: insights.bucket === 'week' ? 'Week' : 'Month' },
        ...used.map((theme) => ({ label: theme.label, numeric: true })),
        ...(anyUntagged ? [{ label: 'No theme', numeric: true }] : []),
      ]}
      rows={insights.themesOverTime.map((span) => [
        bucketLongLabel(span, insights.bucket),
        ...used.map((theme) => span.themes[theme.id] ?? 0),
        ...(anyUntagged ? [span.untagged] : []),
      ])}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={data} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" minTickGap={12} />
          <YAxis allowDecimals={false} width={36} />
          <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={longLabel} />
          <Legend />
          {used.map((theme) => (
            <Bar
              key={theme.id}
              dataKey={theme.id}
              name={theme.label}
              stackId="themes"
              fill={theme.color}
            />
          ))}
          {anyUntagged && (
            <Bar dataKey={UNTAGGED} name="No theme" stackId="themes" fill="var(--chart-muted)" />
          )}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** Words written per week or month. */
export function WordsOverTimeChart({ insights }: ChartProps) {
  const data = insights.wordsOverTime.map((span) => ({
    label: bucketLabel(span, insights.bucket),
    long: bucketLongLabel(span, insights.bucket),
    words: span.words,
  }));
  return (
    <ChartFigure
      title="Words written"
      description={`How much you wrote, per ${insights.bucket}.`}
      columns={[
        { label: insights.bucket === 'week' ? 'Week' : 'Month' },
        { label: 'Words', numeric: true },
        { label: 'Entries', numeric: true },
      ]}
      rows={insights.wordsOverTime.map((span) => [
        bucketLongLabel(span, insights.bucket),
        span.words,
        span.entries,
      ])}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <AreaChart data={data} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" minTickGap={12} />
          <YAxis allowDecimals={false} width={48} />
          <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={longLabel} />
          <Area
            type="monotone"
            dataKey="words"
            name="Words"
            stroke="var(--accent)"
            fill="var(--accent-soft)"
          />
        </AreaChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

const SHOWN_PAIRS = 10;

/** Themes that come up on the same entries. */
export function ThemePairsChart({ insights, themes }: ChartProps) {
  const pairs = insights.coOccurrence.pairs.slice(0, SHOWN_PAIRS);
  const data = pairs.map((pair) => ({
    label: `${labelOf(themes, pair.a)} + ${labelOf(themes, pair.b)}`,
    count: pair.count,
  }));
  return (
    <ChartFigure
      title="Themes that appear together"
      description="Pairs of themes found on the same entries, most often together first."
      columns={[
        { label: 'Themes' },
        { label: 'Entries with both', numeric: true },
        { label: 'Share of the first theme’s entries' },
      ]}
      rows={pairs.map((pair) => {
        const total = insights.coOccurrence.themeTotals[pair.a] ?? 0;
        return [
          `${labelOf(themes, pair.a)} + ${labelOf(themes, pair.b)}`,
          pair.count,
          total > 0 ? `${Math.round((pair.count / total) * 100)}%` : '–',
        ];
      })}
    >
      <ResponsiveContainer width="100%" height={Math.max(120, 36 * data.length + 40)}>
        <BarChart data={data} layout="vertical" accessibilityLayer margin={{ left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={230} />
          <Tooltip contentStyle={TOOLTIP_STYLE} />
          <Bar dataKey="count" name="Entries with both" fill="var(--accent)" />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** Entries started from a prompt, by the prompt's theme. */
export function PromptsChart({ insights, themes }: ChartProps) {
  const data = insights.promptsPerTheme.map((row) => ({
    label: labelOf(themes, row.themeId),
    entries: row.entries,
    prompts: row.prompts,
  }));
  return (
    <ChartFigure
      title="Prompts answered"
      description="Entries you began from a prompt, by the prompt’s theme, and how many different prompts they answered."
      columns={[
        { label: 'Theme' },
        { label: 'Entries from prompts', numeric: true },
        { label: 'Different prompts', numeric: true },
      ]}
      rows={insights.promptsPerTheme.map((row) => [
        labelOf(themes, row.themeId),
        row.entries,
        row.prompts,
      ])}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={data} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} width={36} />
          <Tooltip contentStyle={TOOLTIP_STYLE} />
          <Legend />
          <Bar dataKey="entries" name="Entries from prompts" fill="var(--accent)" />
          <Bar dataKey="prompts" name="Different prompts" fill="var(--chart-muted)" />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
