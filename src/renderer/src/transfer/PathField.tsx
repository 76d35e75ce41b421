import { useId, useRef, type ReactNode, type Ref } from 'react';
import type { ChoosePathRequest } from '../../../shared/app-shell';
import { TextField } from '../components/TextField';
import { appShell } from '../shell';

interface PathFieldProps {
  /** The text field's label in the web preview, e.g. "File or folder path". */
  label: string;
  /** The button that opens the system's dialog in the desktop app, e.g. "Choose file…". */
  chooseLabel: string;
  /** What the system's dialog is asked for; read when the button is pressed. */
  request: ChoosePathRequest;
  value: string;
  onChange: (path: string) => void;
  /** Guidance for the typed path (web preview only: the system dialog needs none). */
  hint?: ReactNode;
  /** Shown under the field or the button while the path is not acceptable. */
  problem?: string | null;
  /** True while the core works: the path stays as it is, and the control keeps its focus. */
  busy?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  buttonRef?: Ref<HTMLButtonElement>;
}

/**
 * Where a file comes from or goes to. The desktop app asks the system's own open or save
 * dialog and shows the path chosen; the web preview, which has no such dialog, takes a typed
 * full path instead.
 */
export function PathField({
  label,
  chooseLabel,
  request,
  value,
  onChange,
  hint,
  problem,
  busy = false,
  inputRef,
  buttonRef,
}: PathFieldProps) {
  const id = useId();
  const choosing = useRef(false);
  const shell = appShell;

  if (!shell) {
    return (
      <TextField
        label={label}
        type="text"
        value={value}
        onChange={onChange}
        hint={hint}
        problem={problem}
        readOnly={busy}
        inputRef={inputRef}
        className="path-input"
      />
    );
  }

  const choose = async () => {
    if (busy || choosing.current) return;
    choosing.current = true;
    try {
      const chosen = await shell.choosePath(request);
      if (chosen !== null) onChange(chosen);
    } catch {
      // The dialog could not open; the path stays as it was and the button can be pressed again.
    } finally {
      choosing.current = false;
    }
  };

  const describedBy = problem ? `${id}-chosen ${id}-problem` : `${id}-chosen`;
  return (
    <div className="path-choice">
      <button
        ref={buttonRef}
        type="button"
        className="button-secondary"
        aria-disabled={busy}
        aria-describedby={describedBy}
        onClick={() => void choose()}
      >
        {chooseLabel}
      </button>
      <p id={`${id}-chosen`} className="path-chosen">
        {value ? <code>{value}</code> : 'Nothing chosen yet.'}
      </p>
      {problem && (
        <p id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
