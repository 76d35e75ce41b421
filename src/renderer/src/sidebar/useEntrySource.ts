import { useCallback, useEffect, useRef, useState } from 'react';
import type { JournalClient } from '../../../shared/contract';
import type { JournalError } from '../../../shared/errors';
import { LIMITS } from '../../../shared/limits';
import type { EntrySummary, SnippetPart } from '../../../shared/types';
import { useJournalClient } from '../journal-context';
import { asJournalError } from '../lib/journal-errors';

/** The single-select filter of the sidebar. */
export type EntryFilter =
  { kind: 'all' } | { kind: 'theme'; themeId: string } | { kind: 'starred' } | { kind: 'trash' };

/** A row of the list: an entry, with a snippet when it came from a search. */
export type ListItem = EntrySummary & { snippet?: SnippetPart[] };

type Next = { cursor: string } | { offset: number };

interface Page {
  items: ListItem[];
  next: Next | null;
}

export interface EntrySource {
  items: ListItem[];
  /** The items are from the trash (their rows offer restore and delete). */
  trash: boolean;
  searching: boolean;
  /** A first page (or a refresh) is on its way. */
  loading: boolean;
  hasMore: boolean;
  error: JournalError | null;
  loadMore: () => void;
  /** Reload after a local change (restore, delete), keeping what was loaded so far. */
  reload: () => void;
}

const PAGE_SIZE = 50;

async function fetchPage(
  client: JournalClient,
  filter: EntryFilter,
  query: string,
  next: Next | null,
  limit: number,
): Promise<Page> {
  const themes = filter.kind === 'theme' ? [filter.themeId] : [];
  if (query && filter.kind !== 'trash') {
    const offset = next && 'offset' in next ? next.offset : 0;
    const result = await client.search({ query, themes, prefixLast: true, limit, offset });
    // Search has no starred option: the starred view narrows each page of hits itself.
    const hits = filter.kind === 'starred' ? result.hits.filter((hit) => hit.starred) : result.hits;
    return {
      items: hits,
      next: result.nextOffset === null ? null : { offset: result.nextOffset },
    };
  }
  const cursor = next && 'cursor' in next ? next.cursor : null;
  const page = await client.listEntries({
    themes,
    trash: filter.kind === 'trash',
    starred: filter.kind === 'starred' ? true : undefined,
    limit,
    cursor,
  });
  // The trash is not in the search index: its search narrows what was loaded by plain text.
  const needle = query.toLocaleLowerCase();
  const entries = needle
    ? page.entries.filter((entry) =>
        `${entry.title}\n${entry.preview}`.toLocaleLowerCase().includes(needle),
      )
    : page.entries;
  return { items: entries, next: page.nextCursor ? { cursor: page.nextCursor } : null };
}

interface Loaded extends Page {
  /** Which filter and query the items answer. */
  key: string;
  trash: boolean;
  /** Which request (key, refresh token, reload count) they came from. */
  requestKey: string;
  error: JournalError | null;
}

const EMPTY: Loaded = {
  key: '',
  requestKey: '',
  trash: false,
  items: [],
  next: null,
  error: null,
};

/**
 * Entries for the sidebar, a page at a time: the newest first, search hits, or the trash.
 * Every request takes a number; a response that is not the latest one is dropped, so fast
 * typing never shows stale hits and never waits for them.
 */
export function useEntrySource(filter: EntryFilter, query: string, refreshToken: number) {
  const client = useJournalClient();
  const [loaded, setLoaded] = useState<Loaded>(EMPTY);
  const [reloads, setReloads] = useState(0);
  const latestRequest = useRef(0);
  const loadingMore = useRef(false);
  const loadedCount = useRef({ key: '', count: 0 });

  const trimmed = query.trim();
  const key = JSON.stringify([filter, trimmed]);
  const requestKey = `${key}|${refreshToken}|${reloads}`;

  useEffect(() => {
    const request = ++latestRequest.current;
    loadingMore.current = false;
    const [parsedFilter, parsedQuery] = JSON.parse(key) as [EntryFilter, string];
    // A refresh reloads as many rows as were showing, so the scroll position survives it.
    const previous = loadedCount.current;
    const keep = previous.key === key ? previous.count : 0;
    const limit = Math.min(LIMITS.pageMax, Math.max(PAGE_SIZE, keep));
    fetchPage(client, parsedFilter, parsedQuery, null, limit).then(
      (page) => {
        if (request !== latestRequest.current) return;
        loadedCount.current = { key, count: page.items.length };
        setLoaded({
          ...page,
          key,
          requestKey,
          trash: parsedFilter.kind === 'trash',
          error: null,
        });
      },
      (reason: unknown) => {
        if (request !== latestRequest.current) return;
        setLoaded((current) => ({ ...current, requestKey, error: asJournalError(reason) }));
      },
    );
  }, [client, key, requestKey]);

  const { next } = loaded;
  const current = loaded.key === key;
  const loadMore = useCallback(() => {
    if (!current || !next || loadingMore.current) return;
    loadingMore.current = true;
    const request = latestRequest.current;
    const [parsedFilter, parsedQuery] = JSON.parse(key) as [EntryFilter, string];
    fetchPage(client, parsedFilter, parsedQuery, next, PAGE_SIZE)
      .then(
        (page) => {
          if (request !== latestRequest.current) return;
          setLoaded((state) => {
            const items = [...state.items, ...page.items];
            loadedCount.current = { key, count: items.length };
            return { ...state, items, next: page.next, error: null };
          });
        },
        (reason: unknown) => {
          if (request !== latestRequest.current) return;
          setLoaded((state) => ({ ...state, error: asJournalError(reason) }));
        },
      )
      .finally(() => {
        if (request === latestRequest.current) loadingMore.current = false;
      });
  }, [client, current, key, next]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);

  const trash = filter.kind === 'trash';
  // While a new filter loads, rows of the other kind (trash or not) would offer the wrong actions.
  const items = loaded.trash === trash ? loaded.items : [];
  const source: EntrySource = {
    items,
    trash,
    searching: trimmed !== '' && !trash,
    loading: loaded.requestKey !== requestKey,
    hasMore: current && next !== null,
    error: loaded.error,
    loadMore,
    reload,
  };
  return source;
}
