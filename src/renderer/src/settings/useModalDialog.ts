import { useEffect, useRef } from 'react';

/**
 * Opens a <dialog> as a modal while the component is mounted. showModal() makes the rest of
 * the window inert (focus stays inside), Escape closes it, and closing returns focus to the
 * control that opened it; the dialog's onClose then tells the caller to unmount it.
 */
export function useModalDialog() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => dialog.close();
  }, []);
  const close = () => dialogRef.current?.close();
  return { dialogRef, close };
}
