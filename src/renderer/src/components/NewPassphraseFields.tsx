import { useId } from 'react';
import type { NewPassphrase } from '../hooks/useNewPassphrase';
import { StrengthMeter } from './StrengthMeter';
import { TextField } from './TextField';

interface NewPassphraseFieldsProps {
  form: NewPassphrase;
  label: string;
  confirmLabel: string;
  readOnly: boolean;
  autoFocus?: boolean;
}

/** A new passphrase, its strength, and the same passphrase again to confirm it. */
export function NewPassphraseFields({
  form,
  label,
  confirmLabel,
  readOnly,
  autoFocus,
}: NewPassphraseFieldsProps) {
  const explanationId = useId();
  const { problem } = form;
  return (
    <>
      <TextField
        label={label}
        value={form.passphrase}
        onChange={form.setPassphrase}
        autoComplete="new-password"
        autoFocus={autoFocus}
        readOnly={readOnly}
        inputRef={form.passphraseRef}
        problem={problem?.field === 'passphrase' ? problem.message : null}
        describedBy={explanationId}
      />
      <StrengthMeter passphrase={form.passphrase} explanationId={explanationId} />
      <TextField
        label={confirmLabel}
        value={form.confirmation}
        onChange={form.setConfirmation}
        autoComplete="new-password"
        readOnly={readOnly}
        inputRef={form.confirmationRef}
        problem={problem?.field === 'confirmation' ? problem.message : null}
      />
    </>
  );
}
