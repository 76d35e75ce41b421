import { useId, type Ref } from 'react';
import type { Theme } from '../../../shared/types';
import type { EntryFilter } from './useEntrySource';

interface ThemesNavProps {
  themes: Theme[];
  filter: EntryFilter;
  onFilter: (filter: EntryFilter) => void;
  onManage: () => void;
  manageRef: Ref<HTMLButtonElement>;
}

/** One filter at a time: everything, a theme (with its count), starred, or the trash. */
export function ThemesNav({ themes, filter, onFilter, onManage, manageRef }: ThemesNavProps) {
  const headingId = useId();
  const isActive = (candidate: EntryFilter) =>
    candidate.kind === filter.kind &&
    (candidate.kind !== 'theme' || filter.kind !== 'theme' || candidate.themeId === filter.themeId);
  // Choosing the active filter again goes back to all entries.
  const toggle = (candidate: EntryFilter) =>
    onFilter(isActive(candidate) ? { kind: 'all' } : candidate);

  return (
    <nav className="sidebar-section themes-nav" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar-heading">
        Themes
      </h2>
      <ul className="filter-list">
        <li>
          <button
            type="button"
            className="filter-button"
            aria-pressed={filter.kind === 'all'}
            onClick={() => onFilter({ kind: 'all' })}
          >
            <span className="filter-label">All entries</span>
          </button>
        </li>
        {themes.map((theme) => (
          <li key={theme.id}>
            <button
              type="button"
              className="filter-button"
              aria-pressed={isActive({ kind: 'theme', themeId: theme.id })}
              onClick={() => toggle({ kind: 'theme', themeId: theme.id })}
            >
              <span className="theme-dot" style={{ background: theme.color }} aria-hidden="true" />
              <span className="filter-label">{theme.label}</span>{' '}
              <span className="filter-count">{theme.entryCount}</span>
            </button>
          </li>
        ))}
        <li className="filter-list-gap">
          <button
            type="button"
            className="filter-button"
            aria-pressed={filter.kind === 'starred'}
            onClick={() => toggle({ kind: 'starred' })}
          >
            <span className="filter-icon" aria-hidden="true">
              ★
            </span>
            <span className="filter-label">Starred</span>
          </button>
        </li>
        <li>
          <button
            type="button"
            className="filter-button"
            aria-pressed={filter.kind === 'trash'}
            onClick={() => toggle({ kind: 'trash' })}
          >
            <span className="filter-icon" aria-hidden="true" />
            <span className="filter-label">Trash</span>
          </button>
        </li>
      </ul>
      <button
        ref={manageRef}
        type="button"
        className="button-link manage-themes-button"
        aria-haspopup="dialog"
        onClick={onManage}
      >
        Manage themes
      </button>
    </nav>
  );
}
