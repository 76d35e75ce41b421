import { useId } from 'react';
import type { Theme } from '../../../shared/types';

interface HtmlExportFiltersProps {
  themes: Theme[];
  /** YYYY-MM-DD, or '' for no bound. */
  from: string;
  to: string;
  /** '' for all themes. */
  themeId: string;
  problem: string | null;
  onChange: (change: { from?: string; to?: string; themeId?: string }) => void;
}

/** Which entries go on the printable page: an optional date range and an optional theme. */
export function HtmlExportFilters({
  themes,
  from,
  to,
  themeId,
  problem,
  onChange,
}: HtmlExportFiltersProps) {
  const id = useId();
  const problemId = `${id}-problem`;
  return (
    <fieldset className="choice-nested html-filters">
      <legend className="visually-hidden">Which entries to include</legend>
      <p className="choice-hint">Leave the dates empty to include every day.</p>
      <div className="html-filters-dates">
        <div className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <input
            id={`${id}-from`}
            type="date"
            value={from}
            max={to || undefined}
            onChange={(event) => onChange({ from: event.target.value })}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? problemId : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <input
            id={`${id}-to`}
            type="date"
            value={to}
            min={from || undefined}
            onChange={(event) => onChange({ to: event.target.value })}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? problemId : undefined}
          />
        </div>
      </div>
      {problem && (
        <p id={problemId} className="field-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="settings-field">
        <label htmlFor={`${id}-theme`}>Only entries about</label>
        <select
          id={`${id}-theme`}
          value={themeId}
          onChange={(event) => onChange({ themeId: event.target.value })}
        >
          <option value="">All themes</option>
          {themes.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {theme.label}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
