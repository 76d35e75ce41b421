import type { ReactNode } from 'react';
import type { JournalError } from '../../../shared/errors';
import { explainError } from '../lib/journal-errors';

interface ErrorAlertProps {
  error: JournalError | null;
  /** Something to do about it, e.g. a button, shown under the explanation. */
  action?: ReactNode;
}

/** A journal error said plainly, with what to do next; announced as soon as it appears. */
export function ErrorAlert({ error, action }: ErrorAlertProps) {
  if (!error) return null;
  const { message, advice } = explainError(error);
  return (
    <div role="alert" className="alert">
      <p>{message}</p>
      {advice && <p>{advice}</p>}
      {action}
    </div>
  );
}
