import { useId, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'password' | 'text';
  /** Guidance shown between the label and the input. */
  hint?: ReactNode;
  /** Shown under the input, tied to it and announced, while the value is not acceptable. */
  problem?: string | null;
  /** Ids of other elements that describe the input (e.g. a strength meter). */
  describedBy?: string;
  autoComplete?: string;
  autoFocus?: boolean;
  readOnly?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
}

/** A labelled input with its hint and inline problem, wired up for assistive technology. */
export function TextField({
  label,
  value,
  onChange,
  type = 'password',
  hint,
  problem,
  describedBy,
  autoComplete = 'off',
  autoFocus,
  readOnly,
  inputRef,
  className,
}: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const capsId = `${id}-caps`;
  // Hidden characters and Caps Lock are the usual reason a right passphrase fails.
  const [capsLock, setCapsLock] = useState(false);
  const watchCapsLock =
    type === 'password'
      ? (event: KeyboardEvent<HTMLInputElement>) => setCapsLock(event.getModifierState('CapsLock'))
      : undefined;
  const described = [
    hint ? hintId : null,
    capsLock ? capsId : null,
    problem ? problemId : null,
    describedBy ?? null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        ref={inputRef}
        className={className}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={watchCapsLock}
        onKeyUp={watchCapsLock}
        onBlur={() => setCapsLock(false)}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        readOnly={readOnly}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={described || undefined}
      />
      {capsLock && (
        <p id={capsId} className="field-note">
          Caps Lock is on.
        </p>
      )}
      {problem && (
        <p id={problemId} className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
