import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Theme } from '../../../shared/types';
import { EntryRowContent, TrashRow } from './EntryRow';
import type { EntrySource } from './useEntrySource';
import type { TrashActions } from './useTrashActions';

interface EntryListProps {
  /** The id of the scrolling list, so the search box can hand focus to it. */
  id: string;
  source: EntrySource;
  themesById: ReadonlyMap<string, Theme>;
  selectedEntryId: string | null;
  onOpenEntry: (id: string) => void;
  /** Present in the trash view: rows become restore / delete rows instead of options. */
  trashActions?: TrashActions;
  emptyText: string;
}

const ESTIMATED_ROW_REM = 4.5;
/** Start fetching the next page this many rows before the end. */
const LOAD_AHEAD = 15;

function rootFontSize(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/**
 * The entries as a virtualized listbox: only the rows in view (plus a margin) are in the DOM,
 * and the next page loads as the end comes near. Focus stays on the listbox and moves between
 * options with aria-activedescendant, so a row scrolling out of the DOM never takes focus along.
 */
export function EntryList({
  id,
  source,
  themesById,
  selectedEntryId,
  onOpenEntry,
  trashActions,
  emptyText,
}: EntryListProps) {
  const baseId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const { items, hasMore, loading, loadMore } = source;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh on every render; nothing here is memoized on it
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_REM * rootFontSize(),
    overscan: 8,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastRendered = virtualRows.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loading && lastRendered >= items.length - LOAD_AHEAD) loadMore();
  }, [hasMore, loading, lastRendered, items.length, loadMore]);

  // The keyboard position: the last row moved to, else the open entry, else the first row.
  const indexOf = (id: string | null) => (id ? items.findIndex((item) => item.id === id) : -1);
  const activeIndex = Math.max(
    0,
    indexOf(activeId) >= 0 ? indexOf(activeId) : indexOf(selectedEntryId),
  );
  const optionId = (id: string) => `${baseId}-option-${id}`;

  const moveTo = (index: number) => {
    const target = items[Math.min(items.length - 1, Math.max(0, index))];
    if (!target) return;
    setActiveId(target.id);
    virtualizer.scrollToIndex(indexOf(target.id), { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, virtualRows.length - 2);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      Home: 0,
      End: items.length - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      moveTo(move);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const entry = items[activeIndex];
      if (!entry) return;
      event.preventDefault();
      onOpenEntry(entry.id);
    }
  };

  const showEmpty = items.length === 0 && !loading && !source.error;
  const activeEntry = items[activeIndex];
  const sizer = (
    <div
      role="presentation"
      className="entry-list-sizer"
      style={{ height: `${virtualizer.getTotalSize()}px` }}
    >
      {virtualRows.map((row) => {
        const entry = items[row.index];
        if (!entry) return null;
        const common = {
          'data-index': row.index,
          ref: virtualizer.measureElement,
          className: 'entry-row',
          style: { transform: `translateY(${row.start}px)` },
          'aria-setsize': hasMore ? -1 : items.length,
          'aria-posinset': row.index + 1,
        };
        if (trashActions) {
          return (
            <div key={row.key} {...common} role="listitem">
              <TrashRow
                entry={entry}
                themesById={themesById}
                busy={trashActions.busy}
                confirming={trashActions.confirmingId === entry.id}
                onRestore={() => trashActions.restore(entry.id)}
                onAskDelete={() => trashActions.askDelete(entry.id)}
                onConfirmDelete={() => trashActions.deleteForever(entry.id)}
                onCancelDelete={trashActions.cancel}
              />
            </div>
          );
        }
        return (
          <div
            key={row.key}
            {...common}
            id={optionId(entry.id)}
            role="option"
            aria-selected={entry.id === selectedEntryId}
            data-active={row.index === activeIndex ? '' : undefined}
            onClick={() => {
              setActiveId(entry.id);
              onOpenEntry(entry.id);
            }}
          >
            <EntryRowContent entry={entry} themesById={themesById} />
          </div>
        );
      })}
    </div>
  );

  return (
    <div className="entry-list-frame">
      {trashActions ? (
        <div
          ref={scrollRef}
          id={id}
          className="entry-list"
          role="list"
          aria-label="Trashed entries"
          aria-busy={loading}
        >
          {sizer}
        </div>
      ) : (
        <div
          ref={scrollRef}
          id={id}
          className="entry-list"
          role="listbox"
          aria-label="Entries list"
          aria-busy={loading}
          tabIndex={items.length > 0 ? 0 : -1}
          aria-activedescendant={activeEntry ? optionId(activeEntry.id) : undefined}
          onKeyDown={onKeyDown}
          onFocus={(event) => {
            if (event.target === event.currentTarget && items.length > 0) moveTo(activeIndex);
          }}
        >
          {sizer}
        </div>
      )}
      {showEmpty && <p className="entry-list-empty">{emptyText}</p>}
      {loading && items.length === 0 && (
        <p className="entry-list-empty" role="status">
          Loading entries…
        </p>
      )}
    </div>
  );
}
