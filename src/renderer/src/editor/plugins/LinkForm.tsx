import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { BaseSelection } from 'lexical';
import { type FormEvent, useId, useState } from 'react';
import { applyLink, LINK_PROBLEM, normalizeLinkInput } from '../lib/links';

interface LinkFormProps {
  /** The editor's selection when the form opened. */
  selection: BaseSelection | null;
  onClose: () => void;
}

/** Asks for a link's address inline; only web and mail links are accepted. */
export function LinkForm({ selection, onClose }: LinkFormProps) {
  const [editor] = useLexicalComposerContext();
  const id = useId();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const close = () => {
    onClose();
    editor.focus();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const url = normalizeLinkInput(value);
    if (!url) {
      setProblem(LINK_PROBLEM);
      return;
    }
    applyLink(editor, selection, url);
    close();
  };

  return (
    <form
      className="link-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor={id}>Link address</label>
      <input
        id={id}
        type="text"
        inputMode="url"
        value={value}
        placeholder="https://"
        autoFocus
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setProblem(null);
        }}
      />
      <button type="submit" className="button-secondary">
        Add link
      </button>
      <button type="button" className="button-link" onClick={close}>
        Cancel
      </button>
      {problem && (
        <p id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
