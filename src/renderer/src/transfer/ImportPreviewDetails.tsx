import { useId } from 'react';
import type { ImportPreview } from '../../../shared/types';
import { IMPORT_FORMATS } from './import-formats';
import { entriesOf, previewCountsText } from './transfer-text';

interface ImportPreviewDetailsProps {
  preview: ImportPreview;
  createThemes: boolean;
  onCreateThemesChange: (create: boolean) => void;
}

type ThemeRow = ImportPreview['themes'][number];

/**
 * What an import would do, before it does it: how many entries are new, which tags land on
 * which themes, and every entry that cannot come in or comes in changed, with the core's reason.
 */
export function ImportPreviewDetails({
  preview,
  createThemes,
  onCreateThemesChange,
}: ImportPreviewDetailsProps) {
  const id = useId();
  const { counts, problems, warnings } = preview;
  const existing = preview.themes.filter(
    (row): row is Extract<ThemeRow, { kind: 'existing' }> => row.kind === 'existing',
  );
  const fresh = preview.themes.filter(
    (row): row is Extract<ThemeRow, { kind: 'new' }> => row.kind === 'new',
  );

  return (
    <section className="import-preview" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>What would be imported</h3>
      <p className="import-source">
        <code>{preview.source}</code>, read as {IMPORT_FORMATS[preview.format].label}:{' '}
        {entriesOf(counts.read)} found.
      </p>
      <p className="import-counts">{previewCountsText(counts)}.</p>

      {existing.length > 0 && (
        <div className="import-themes">
          <h4 id={`${id}-existing`}>Tags that match your themes</h4>
          <ul aria-labelledby={`${id}-existing`}>
            {existing.map((row) => (
              <li key={row.tag}>
                <span className="import-tag">{row.tag}</span> <span aria-hidden="true">→</span>
                <span className="visually-hidden">goes with your theme</span>{' '}
                <span className="import-theme">{row.themeLabel}</span>{' '}
                <span className="import-theme-count">({entriesOf(row.entries)})</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {fresh.length > 0 && (
        <div className="import-themes">
          <h4 id={`${id}-new`}>Tags that are new to your journal</h4>
          <ul aria-labelledby={`${id}-new`}>
            {fresh.map((row) => (
              <li key={row.tag}>
                <span className="import-tag">{row.label}</span>{' '}
                <span className="import-theme-count">({entriesOf(row.entries)})</span>
              </li>
            ))}
          </ul>
          <div className="check-row">
            <input
              id={`${id}-create`}
              type="checkbox"
              checked={createThemes}
              onChange={(event) => onCreateThemesChange(event.target.checked)}
              aria-describedby={`${id}-create-note`}
            />
            <label htmlFor={`${id}-create`}>Create new themes for these tags</label>
          </div>
          <p id={`${id}-create-note`} className="settings-hint">
            {createThemes
              ? 'Each becomes a theme of its own, which you can rename or merge later.'
              : 'These tags will be left off; the entries themselves are still imported.'}
          </p>
        </div>
      )}

      {(problems.length > 0 || warnings.length > 0) && (
        <div
          className="import-notes"
          role="region"
          aria-label="Problems and warnings"
          // Focusable so that a long list can be scrolled from the keyboard.
          tabIndex={0}
        >
          {problems.length > 0 && (
            <>
              <h4 id={`${id}-problems`}>Can’t be imported</h4>
              <ul aria-labelledby={`${id}-problems`}>
                {problems.map((problem, index) => (
                  <li key={index}>{problem}</li>
                ))}
              </ul>
              {counts.skipped > problems.length && (
                <p className="settings-hint">
                  The first {problems.length} of {counts.skipped} are listed.
                </p>
              )}
            </>
          )}
          {warnings.length > 0 && (
            <>
              <h4 id={`${id}-warnings`}>Will be imported with a change</h4>
              <ul aria-labelledby={`${id}-warnings`}>
                {warnings.map((warning, index) => (
                  <li key={index}>{warning}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
