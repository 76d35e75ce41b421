import { useEffect, useId, useRef, useState } from 'react';
import { LockLayout } from '../components/LockLayout';
import { CodeGroups } from '../components/CodeGroups';
import { RecoveryCodeActions } from '../components/RecoveryCodeActions';

interface RecoveryCodeScreenProps {
  code: string;
  /** The person says the code is stored: the journal opens. */
  onDone: () => void;
}

/** Shown once, right after the journal is created: the code for a forgotten passphrase. */
export function RecoveryCodeScreen({ code, onDone }: RecoveryCodeScreenProps) {
  const [stored, setStored] = useState(false);
  const checkboxId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);

  // There is reading to do before anything else: start at the top.
  useEffect(() => titleRef.current?.focus(), []);

  return (
    <LockLayout
      title="Your recovery code"
      titleRef={titleRef}
      intro={
        <>
          <p>
            If you ever forget your passphrase, this code is the only way back into your journal.
            Lean On shows it just this once.
          </p>
          <p>
            Keep it somewhere safe and private, such as on paper at home or in a password manager.
            Anyone who has it can open your journal.
          </p>
        </>
      }
    >
      <div className="code-box">
        <output className="recovery-code" aria-label="Recovery code">
          <CodeGroups code={code} />
        </output>
      </div>
      <div className="print-only">
        <p>
          If you forget your passphrase, this code opens your Lean On journal. Choose “Forgot your
          passphrase?” on the unlock screen, enter the code, and pick a new passphrase.
        </p>
        <p>Keep it somewhere safe and private: anyone who has it can open your journal.</p>
      </div>
      <RecoveryCodeActions code={code} />
      <div className="confirm-stored screen-only">
        <input
          id={checkboxId}
          type="checkbox"
          checked={stored}
          onChange={(event) => setStored(event.target.checked)}
        />
        <label htmlFor={checkboxId}>I have stored my recovery code somewhere safe</label>
      </div>
      <div className="form-actions screen-only">
        <button type="button" className="button-primary" disabled={!stored} onClick={onDone}>
          I have saved my recovery code
        </button>
      </div>
    </LockLayout>
  );
}
