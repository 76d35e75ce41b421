import { useEffect, useRef } from 'react';
import { CodeGroups } from '../components/CodeGroups';
import { RecoveryCodeActions } from '../components/RecoveryCodeActions';

interface NewRecoveryCodeProps {
  code: string;
  onDone: () => void;
}

/** The new code, shown once with ways to keep it; printing shows only the code and its use. */
export function NewRecoveryCode({ code, onDone }: NewRecoveryCodeProps) {
  const titleRef = useRef<HTMLHeadingElement>(null);

  // The form that was focused is gone: start at the title, with the reading ahead.
  useEffect(() => titleRef.current?.focus(), []);

  return (
    <div className="settings-new-code">
      <h4 ref={titleRef} tabIndex={-1} className="screen-only">
        Your new recovery code
      </h4>
      <p className="print-only settings-print-title">Lean On recovery code</p>
      <p className="settings-hint screen-only">
        Your old code no longer works. Keep this one somewhere safe and private, such as on paper at
        home or in a password manager: anyone who has it can open your journal. Lean On shows it
        only now.
      </p>
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
      <div className="form-actions screen-only">
        <button type="button" className="button-primary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
