import type { MethodName } from '../../../shared/methods';
import { useCallProgress } from '../progress';

interface BusyNoteProps {
  busy: boolean;
  text: string;
  /** The long call to follow: its reports (what it is doing, how far) show under the text. */
  method?: MethodName;
}

/**
 * Progress while the core works (key derivation takes a moment; a backup of years of writing
 * longer). The status region stays in the page so that screen readers announce the text when
 * it appears; the step's name is shown beside a progress bar, which is not announced on every
 * tick.
 */
export function BusyNote({ busy, text, method }: BusyNoteProps) {
  const progress = useCallProgress(method, busy);
  return (
    <div className="busy-note-group">
      <p className="busy-note" role="status">
        {busy && (
          <>
            <span className="spinner" aria-hidden="true" />
            {text}
          </>
        )}
      </p>
      {busy && progress && (
        <div className="busy-progress">
          <progress
            max={1}
            aria-label={progress.label}
            {...(progress.fraction === null ? {} : { value: progress.fraction })}
          />
          <span aria-hidden="true">
            {progress.label}
            {progress.fraction === null ? '' : ` (${Math.round(progress.fraction * 100)}%)`}
          </span>
        </div>
      )}
    </div>
  );
}
