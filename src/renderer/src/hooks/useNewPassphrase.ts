import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { checkNewPassphrase, type NewPassphraseProblem } from '../lib/passphrase-rules';

export interface NewPassphrase {
  passphrase: string;
  confirmation: string;
  setPassphrase: (value: string) => void;
  setConfirmation: (value: string) => void;
  problem: NewPassphraseProblem | null;
  passphraseRef: RefObject<HTMLInputElement | null>;
  confirmationRef: RefObject<HTMLInputElement | null>;
  /** The passphrase when it may be used; otherwise null, with the problem shown and focused. */
  accept: () => string | null;
}

/** State and checks for a new passphrase typed twice, as on the create and recovery screens. */
export function useNewPassphrase(): NewPassphrase {
  const [passphrase, setPassphraseValue] = useState('');
  const [confirmation, setConfirmationValue] = useState('');
  const [problem, setProblem] = useState<NewPassphraseProblem | null>(null);
  const [attempts, setAttempts] = useState(0);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const confirmationRef = useRef<HTMLInputElement>(null);

  // After a refused attempt, the field at fault takes focus once its message is linked to it,
  // so a screen reader reads the two together.
  useEffect(() => {
    if (!problem) return;
    const input = problem.field === 'passphrase' ? passphraseRef.current : confirmationRef.current;
    input?.focus();
  }, [problem, attempts]);

  const setPassphrase = useCallback((value: string) => {
    setPassphraseValue(value);
    setProblem(null);
  }, []);
  const setConfirmation = useCallback((value: string) => {
    setConfirmationValue(value);
    setProblem((current) => (current?.field === 'confirmation' ? null : current));
  }, []);

  const accept = () => {
    const found = checkNewPassphrase(passphrase, confirmation);
    setProblem(found);
    setAttempts((count) => count + 1);
    return found ? null : passphrase;
  };

  return {
    passphrase,
    confirmation,
    setPassphrase,
    setConfirmation,
    problem,
    passphraseRef,
    confirmationRef,
    accept,
  };
}
