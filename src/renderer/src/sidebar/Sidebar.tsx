import { useEffect, useId, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import type { Prompt, Theme } from '../../../shared/types';
import { ConfirmRow } from '../components/ConfirmRow';
import { ErrorAlert } from '../components/ErrorAlert';
import { EntryList } from './EntryList';
import { ManageThemesDialog } from './ManageThemesDialog';
import { OnThisDayPanel } from '../insights/OnThisDayPanel';
import { PromptsPanel } from './PromptsPanel';
import { ThemesNav } from './ThemesNav';
import { useDebouncedValue } from './useDebouncedValue';
import { useEntrySource, type EntryFilter } from './useEntrySource';
import { useTrashActions } from './useTrashActions';

export interface SidebarProps {
  selectedEntryId: string | null;
  /** Bumped by the caller after saves/theme changes: reload the list, counts and search results (keep scroll position and selection where possible). */
  refreshToken: number;
  themes: Theme[];
  // `this: void`: the handlers are passed around unbound, so they must not rely on `this`.
  onOpenEntry(this: void, id: string): void;
  onNewEntry(this: void): void;
  onStartPrompt(this: void, prompt: Prompt): void;
  /** After managing themes (rename/recolour/merge/delete), and after a restore changes counts. */
  onThemesChanged(this: void): void;
}

const SEARCH_DEBOUNCE_MS = 150;
const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);
const NEW_ENTRY_KEYS = isMac ? '⌘N' : 'Ctrl+N';

const ALL: EntryFilter = { kind: 'all' };

function emptyText(filter: EntryFilter, searching: boolean): string {
  if (searching) return 'No entries match.';
  switch (filter.kind) {
    case 'all':
      return 'Nothing here yet. Start with today’s prompt or a blank page.';
    case 'theme':
      return 'No entries carry this theme yet.';
    case 'starred':
      return 'No starred entries yet. Star an entry to keep it close at hand.';
    case 'trash':
      return 'The trash is empty.';
  }
}

function viewName(filter: EntryFilter, themes: Theme[]): string {
  switch (filter.kind) {
    case 'all':
      return 'All entries';
    case 'theme':
      return themes.find((theme) => theme.id === filter.themeId)?.label ?? 'Theme';
    case 'starred':
      return 'Starred';
    case 'trash':
      return 'Trash';
  }
}

/** Ctrl+N (Cmd+N on a Mac) anywhere in the window starts a blank entry. */
function useNewEntryShortcut(onNewEntry: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.repeat) {
        return;
      }
      const key = event.key.toLowerCase();
      if (key !== 'n' && !(!/^[a-z]$/.test(key) && event.code === 'KeyN')) return;
      event.preventDefault();
      onNewEntry();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onNewEntry]);
}

/** Prompts, theme filters and the entries (or search results, or the trash) in one column. */
export function Sidebar({
  selectedEntryId,
  refreshToken,
  themes,
  onOpenEntry,
  onNewEntry,
  onStartPrompt,
  onThemesChanged,
}: SidebarProps): JSX.Element {
  const listId = useId();
  const manageRef = useRef<HTMLButtonElement>(null);
  const [chosenFilter, setFilter] = useState<EntryFilter>(ALL);
  const [query, setQuery] = useState('');
  const [managing, setManaging] = useState(false);
  useNewEntryShortcut(onNewEntry);

  // A theme merged or deleted away is no longer a filter.
  const filter =
    chosenFilter.kind === 'theme' && !themes.some((theme) => theme.id === chosenFilter.themeId)
      ? ALL
      : chosenFilter;
  // Clearing the box shows the list at once; typing waits for a pause.
  const debounced = useDebouncedValue(query, SEARCH_DEBOUNCE_MS);
  const effectiveQuery = query.trim() === '' ? '' : debounced;
  const source = useEntrySource(filter, effectiveQuery, refreshToken);
  const trash = useTrashActions(source.reload, onThemesChanged);
  const themesById = new Map(themes.map((theme) => [theme.id, theme]));

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
    } else if (event.key === 'ArrowDown' && source.items.length > 0) {
      event.preventDefault();
      document.getElementById(listId)?.focus();
    }
  };

  const trashView = filter.kind === 'trash';
  return (
    <div className="sidebar">
      <div className="sidebar-top">
        <button
          type="button"
          className="button-primary new-entry-button"
          onClick={onNewEntry}
          aria-keyshortcuts="Control+N Meta+N"
          title={`New entry (${NEW_ENTRY_KEYS})`}
        >
          New entry
        </button>
      </div>
      <div className="sidebar-panels">
        <OnThisDayPanel refreshToken={refreshToken} onOpenEntry={onOpenEntry} />
        <PromptsPanel themes={themes} onStartPrompt={onStartPrompt} />
        <ThemesNav
          themes={themes}
          filter={filter}
          onFilter={setFilter}
          onManage={() => setManaging(true)}
          manageRef={manageRef}
        />
      </div>
      <section className="sidebar-entries" aria-label="Entries">
        <input
          type="search"
          className="sidebar-search"
          aria-label="Search entries"
          placeholder="Search entries"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onSearchKeyDown}
          aria-controls={listId}
          spellCheck={false}
          autoComplete="off"
        />
        <div className="entries-caption">
          <h2 className="sidebar-heading">{viewName(filter, themes)}</h2>
          {trashView && source.items.length > 0 && !trash.confirmingEmpty && (
            <button type="button" className="button-small" onClick={trash.askEmpty}>
              Empty trash
            </button>
          )}
        </div>
        {trashView && trash.confirmingEmpty && (
          <ConfirmRow
            label="Empty trash"
            message="Empty the trash? Every entry in it is deleted forever. This cannot be undone."
            confirmText="Empty trash"
            danger
            busy={trash.busy}
            onConfirm={trash.emptyTrash}
            onCancel={trash.cancel}
          />
        )}
        <ErrorAlert error={source.error ?? (trashView ? trash.error : null)} />
        <EntryList
          key={JSON.stringify([filter, effectiveQuery.trim()])}
          id={listId}
          source={source}
          themesById={themesById}
          selectedEntryId={selectedEntryId}
          onOpenEntry={onOpenEntry}
          trashActions={trashView ? trash : undefined}
          emptyText={emptyText(filter, source.searching)}
        />
      </section>
      {managing && (
        <ManageThemesDialog
          themes={themes}
          onThemesChanged={onThemesChanged}
          onClose={() => {
            setManaging(false);
            manageRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
