import { useState } from 'react';
import { saveTextFile } from '../lib/save-text-file';

export const RECOVERY_FILE_NAME = 'lean-on-recovery-code.txt';

interface RecoveryCodeActionsProps {
  code: string;
}

function fileText(code: string): string {
  const created = new Date().toLocaleDateString(undefined, { dateStyle: 'long' });
  return [
    'Lean On recovery code',
    '',
    code,
    '',
    'If you forget your passphrase, this code opens your Lean On journal.',
    'Choose "Forgot your passphrase?" on the unlock screen, enter the code,',
    'and pick a new passphrase.',
    'Keep it somewhere safe and private: anyone who has it can open your journal.',
    `Created ${created}.`,
    '',
  ].join('\n');
}

/** Copy, print and save-as-file for the recovery code, with a quiet word on what happened. */
export function RecoveryCodeActions({ code }: RecoveryCodeActionsProps) {
  const [status, setStatus] = useState('');

  const copy = () => {
    navigator.clipboard.writeText(code).then(
      () => setStatus('Copied'),
      () => setStatus('Copying did not work here. Select the code and copy it by hand.'),
    );
  };

  const print = () => {
    setStatus('');
    window.print();
  };

  const save = () => {
    saveTextFile(RECOVERY_FILE_NAME, fileText(code));
    setStatus(`Saving ${RECOVERY_FILE_NAME} to your downloads`);
  };

  return (
    <div className="code-actions screen-only">
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={copy}>
          Copy
        </button>
        <button type="button" className="button-secondary" onClick={print}>
          Print
        </button>
        <button type="button" className="button-secondary" onClick={save}>
          Save as text file
        </button>
      </div>
      <p className="action-status" role="status">
        {status}
      </p>
    </div>
  );
}
