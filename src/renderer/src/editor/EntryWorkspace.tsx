import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { BaseSelection } from 'lexical';
import { type Ref, useCallback, useImperativeHandle, useState } from 'react';
import { isAllowedLinkUrl } from '../../../shared/editor-nodes';
import type { JournalError } from '../../../shared/errors';
import type { Entry, EntryTheme, Prompt, Theme } from '../../../shared/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { asJournalError } from '../lib/journal-errors';
import { ConflictNotice } from './ConflictNotice';
import { EntryHeader } from './EntryHeader';
import { EntryThemes } from './EntryThemes';
import { useEntrySaver } from './hooks/useEntrySaver';
import { saveSelection } from './lib/links';
import { ENTRY_MARKDOWN } from './lib/markdown';
import { wordCountLabel } from './lib/words';
import { AutosavePlugin } from './plugins/AutosavePlugin';
import { LinkForm } from './plugins/LinkForm';
import { LinkOpenPlugin } from './plugins/LinkOpenPlugin';
import { PasteGuardPlugin } from './plugins/PasteGuardPlugin';
import { SanitizePlugin } from './plugins/SanitizePlugin';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { WordCountPlugin } from './plugins/WordCountPlugin';
import { PromptPanel } from './PromptPanel';
import { SaveStatus } from './SaveStatus';
import { ThemeSuggestions } from './ThemeSuggestions';

export interface EntryEditorHandle {
  /** Saves anything pending now; resolves when saved (or rejects with the JournalError). */
  flush(): Promise<void>;
  /** Something typed is not stored yet. */
  hasUnsavedChanges(): boolean;
}

export interface EntryWorkspaceProps {
  entry: Entry | null;
  prompt: Prompt | null;
  themes: Theme[];
  onSaved: (entry: Entry) => void;
  onThemesChanged: () => void;
  onTrashed: (entry: Entry) => void;
  /** The person chose the stored version over their own after a conflict. */
  onReloaded: (entry: Entry) => void;
  handleRef: Ref<EntryEditorHandle>;
}

/** Everything inside the Lexical composer: fields, toolbar, text, themes and saving. */
export function EntryWorkspace(props: EntryWorkspaceProps) {
  const { entry, prompt, themes, onSaved, onThemesChanged, onTrashed, onReloaded } = props;
  const [editor] = useLexicalComposerContext();
  const { saver, state } = useEntrySaver(entry, prompt?.id ?? null, onSaved);
  const [words, setWords] = useState(entry?.wordCount ?? 0);
  const [linkSelection, setLinkSelection] = useState<BaseSelection | null | false>(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<JournalError | null>(null);
  const [busy, setBusy] = useState(false);

  useImperativeHandle(
    props.handleRef,
    () => ({ flush: () => saver.flush(), hasUnsavedChanges: () => saver.hasUnsavedChanges() }),
    [saver],
  );

  const onChange = useCallback(() => {
    setNotice(null);
    saver.change();
  }, [saver]);
  const openLinkForm = useCallback(() => setLinkSelection(saveSelection(editor)), [editor]);

  const act = async (task: () => Promise<void>) => {
    setBusy(true);
    setActionError(null);
    try {
      await task();
    } catch (reason) {
      setActionError(asJournalError(reason));
    } finally {
      setBusy(false);
    }
  };
  const trash = () =>
    act(async () => {
      const trashed = await saver.trash();
      if (trashed) onTrashed(trashed);
    });
  const reload = () => act(async () => onReloaded(await saver.reload()));
  const keepMine = () => act(() => saver.keepMine());

  const { stored, status, fields } = state;
  const activeThemes: EntryTheme[] =
    stored?.themes ?? (prompt ? [{ id: prompt.themeId, source: 'prompt' }] : []);

  return (
    <article className="entry-editor" aria-label="Entry editor" onBlur={() => saver.flushQuietly()}>
      {prompt && <PromptPanel prompt={prompt} themes={themes} />}
      <EntryHeader
        fields={fields}
        canTrash={stored !== null}
        trashing={busy}
        onEdit={(patch, immediate) => saver.edit(patch, immediate)}
        onTrash={() => void trash()}
        onTitleDone={() => editor.focus()}
      />
      {status.kind === 'conflict' && (
        <ConflictNotice
          busy={busy}
          onReload={() => void reload()}
          onKeepMine={() => void keepMine()}
        />
      )}
      <ErrorAlert error={actionError} />
      <ToolbarPlugin onLink={openLinkForm} />
      {linkSelection !== false && (
        <LinkForm selection={linkSelection} onClose={() => setLinkSelection(false)} />
      )}
      {notice && (
        <p role="alert" className="entry-notice">
          {notice}
        </p>
      )}
      <div className="entry-surface">
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="entry-content"
              aria-label="Entry"
              aria-multiline
              aria-placeholder={prompt ? 'Take your time…' : 'Write freely…'}
              placeholder={
                <div className="entry-placeholder">
                  {prompt ? 'Take your time…' : 'Write freely…'}
                </div>
              }
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={isAllowedLinkUrl} />
      <MarkdownShortcutPlugin transformers={ENTRY_MARKDOWN} />
      <SanitizePlugin />
      <PasteGuardPlugin onRefused={setNotice} />
      <LinkOpenPlugin onNotice={setNotice} />
      <ShortcutsPlugin onLink={openLinkForm} />
      <AutosavePlugin onChange={onChange} />
      <WordCountPlugin onCount={setWords} />
      <footer className="entry-footer">
        <span className="entry-words">{wordCountLabel(words)}</span>
        <SaveStatus status={status} onRetry={() => saver.flushQuietly()} />
      </footer>
      <EntryThemes
        themes={themes}
        active={activeThemes}
        onToggle={(themeId, on) => saver.setTheme(themeId, on)}
        onThemesChanged={onThemesChanged}
      />
      <ThemeSuggestions
        entryId={stored?.id ?? null}
        themes={themes}
        active={activeThemes}
        onAccept={(themeId) => saver.setTheme(themeId, true, 'suggested')}
      />
    </article>
  );
}
