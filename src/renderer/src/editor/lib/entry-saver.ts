import type { JournalClient } from '../../../../shared/contract';
import type { JournalError } from '../../../../shared/errors';
import type { Entry, ThemeSource } from '../../../../shared/types';
import { asJournalError } from '../../lib/journal-errors';

/** What the entry's fields hold right now, whether or not it is saved. */
export interface EntryFields {
  title: string;
  /** YYYY-MM-DD, or '' while the date input is being edited. */
  entryDate: string;
  starred: boolean;
}

export interface DocSnapshot {
  doc: unknown;
  /** True when the document holds no text at all. */
  empty: boolean;
}

export type SaveStatus =
  | { kind: 'clean' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; error: JournalError }
  | { kind: 'conflict'; error: JournalError };

export interface SaverState {
  status: SaveStatus;
  /** The entry as last stored, or null while a new entry has not been created. */
  stored: Entry | null;
  fields: EntryFields;
}

export interface SaverOptions {
  client: JournalClient;
  entry: Entry | null;
  /** Used for a new entry only: its client-chosen id makes a retried create idempotent. */
  newId: string;
  promptId: string | null;
  initialFields: EntryFields;
  readDoc: () => DocSnapshot;
  debounceMs?: number;
  retryMs?: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Errors a second attempt cannot fix; the person has to act (or the journal is locked). */
const NOT_RETRYABLE = new Set(['CONFLICT', 'LOCKED', 'NOT_FOUND', 'INVALID_INPUT']);

function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Saves one entry: debounced, serialized (never two calls in flight), each save based on the
 * version the previous one returned. Local edits are never thrown away on failure: the state
 * stays dirty and is retried. Plain TypeScript so the rules are easy to follow and to test.
 */
export class EntrySaver {
  private state: SaverState;
  private readonly listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private changeSeq = 0;
  private savedSeq = 0;
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set once the entry is trashed or replaced by a reload: nothing more is written. */
  private closed = false;
  private readonly id: string;
  private onStored: (entry: Entry) => void = () => undefined;

  constructor(private readonly options: SaverOptions) {
    this.id = options.entry?.id ?? options.newId;
    this.state = {
      status: options.entry ? { kind: 'saved' } : { kind: 'clean' },
      stored: options.entry,
      fields: options.initialFields,
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): SaverState => this.state;

  /** Called with the entry as stored after every save, theme change or trash. */
  setStoredListener(listener: (entry: Entry) => void): void {
    this.onStored = listener;
  }

  /** The document changed. */
  change(): void {
    if (this.closed) return;
    this.changeSeq += 1;
    if (this.state.status.kind === 'conflict') return; // waits for the person's choice
    // Only a change of state re-renders the editor: typing in a pending entry costs nothing.
    if (this.state.status.kind !== 'pending') this.setState({ status: { kind: 'pending' } });
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => this.flushQuietly(), this.options.debounceMs ?? 600);
  }

  /** A field changed; `immediate` saves now rather than after the pause in typing. */
  edit(patch: Partial<EntryFields>, immediate = false): void {
    this.setState({ fields: { ...this.state.fields, ...patch } });
    this.change();
    if (immediate) this.flushQuietly();
  }

  /** Something typed is not stored yet (waiting, on its way, or refused). */
  hasUnsavedChanges(): boolean {
    return !['clean', 'saved'].includes(this.state.status.kind);
  }

  /** Saves anything pending now. Resolves once saved; rejects with the JournalError. */
  flush(): Promise<void> {
    clearTimeout(this.debounceTimer);
    return this.enqueue(() => this.save(false));
  }

  flushQuietly(): void {
    this.flush().catch(() => undefined);
  }

  /** Turns a theme on or off, creating the entry first when it is new. */
  setTheme(themeId: string, on: boolean, source: ThemeSource = 'manual'): Promise<Entry> {
    return this.enqueue(async () => {
      await this.save(true);
      return this.store(
        await this.options.client.setEntryTheme({ id: this.id, themeId, source, on }),
      );
    });
  }

  /** Saves what is pending, then moves the entry to the trash. Null when it never existed. */
  trash(): Promise<Entry | null> {
    clearTimeout(this.debounceTimer);
    return this.enqueue(async () => {
      await this.save(false);
      if (!this.state.stored) return null;
      const entry = await this.options.client.trashEntry({ id: this.id });
      this.close();
      return this.store(entry);
    });
  }

  /** After a conflict: write the local version on top of the latest stored one. */
  keepMine(): Promise<void> {
    return this.enqueue(async () => {
      const latest = await this.options.client.getEntry({ id: this.id });
      this.setState({ stored: latest, status: { kind: 'pending' } });
      this.changeSeq += 1;
      await this.save(false);
    });
  }

  /** After a conflict: give up local changes and return the stored version to show instead. */
  reload(): Promise<Entry> {
    return this.enqueue(async () => {
      const latest = await this.options.client.getEntry({ id: this.id });
      this.close();
      return this.store(latest);
    });
  }

  private close(): void {
    this.closed = true;
    this.savedSeq = this.changeSeq;
    clearTimeout(this.debounceTimer);
    clearTimeout(this.retryTimer);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private store(entry: Entry): Entry {
    this.setState({ stored: entry });
    this.onStored(entry);
    return entry;
  }

  /** One save at a time (callers go through the queue). `force` creates an empty new entry. */
  private async save(force: boolean): Promise<void> {
    clearTimeout(this.retryTimer);
    // After a conflict only the person's choice (keepMine or reload) writes again.
    if (this.state.status.kind === 'conflict') throw this.state.status.error;
    while (!this.closed) {
      const { stored } = this.state;
      if (stored && this.changeSeq === this.savedSeq) return;
      const seq = this.changeSeq;
      const snapshot = this.options.readDoc();
      const { title, entryDate, starred } = this.state.fields;
      if (!stored && !force && snapshot.empty && !title.trim() && !starred) {
        this.savedSeq = seq;
        this.setState({ status: { kind: 'clean' } });
        return;
      }
      this.setState({ status: { kind: 'saving' } });
      const date = ISO_DATE.test(entryDate) ? entryDate : undefined;
      try {
        const entry = stored
          ? await this.options.client.updateEntry({
              id: this.id,
              baseVersion: stored.version,
              timeZone: timeZone(),
              title,
              doc: snapshot.doc,
              entryDate: date,
              starred,
            })
          : await this.options.client.createEntry({
              id: this.id,
              title,
              doc: snapshot.doc,
              entryDate: date,
              timeZone: timeZone(),
              promptId: this.options.promptId,
              starred,
            });
        this.savedSeq = seq;
        this.store(entry);
        this.setState({ status: { kind: seq === this.changeSeq ? 'saved' : 'pending' } });
      } catch (reason) {
        this.fail(asJournalError(reason));
      }
    }
  }

  private fail(error: JournalError): never {
    if (error.code === 'CONFLICT') {
      this.setState({ status: { kind: 'conflict', error } });
    } else {
      this.setState({ status: { kind: 'error', error } });
      if (!NOT_RETRYABLE.has(error.code)) {
        this.retryTimer = setTimeout(() => this.flushQuietly(), this.options.retryMs ?? 5000);
      }
    }
    throw error;
  }

  private setState(patch: Partial<SaverState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
