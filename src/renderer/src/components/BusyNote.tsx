interface BusyNoteProps {
  busy: boolean;
  text: string;
}

/**
 * Progress while the core works (key derivation takes a moment). The status region stays in
 * the page so that screen readers announce the text when it appears.
 */
export function BusyNote({ busy, text }: BusyNoteProps) {
  return (
    <p className="busy-note" role="status">
      {busy && (
        <>
          <span className="spinner" aria-hidden="true" />
          {text}
        </>
      )}
    </p>
  );
}
