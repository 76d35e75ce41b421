import type { JournalError } from '../../../shared/errors';
import { ErrorAlert } from '../components/ErrorAlert';

interface TransferErrorAlertProps {
  error: JournalError | null;
  /** What to check when the file itself could not be read or written. */
  fileAdvice: string;
}

/**
 * The core's own message, which names the file and the entry. A file error here is about the
 * file being imported or written, not about the journal's folder, so it gets its own advice
 * rather than the journal-wide one.
 */
export function TransferErrorAlert({ error, fileAdvice }: TransferErrorAlertProps) {
  if (error?.code !== 'IO_ERROR') return <ErrorAlert error={error} />;
  return (
    <div role="alert" className="alert">
      <p>{error.message}</p>
      <p>{fileAdvice}</p>
    </div>
  );
}
