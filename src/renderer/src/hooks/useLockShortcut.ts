import { useEffect } from 'react';

/**
 * Ctrl+L (Cmd+L on a Mac) anywhere in the window, even while typing. Matched on the character
 * typed, and on the key's position only for layouts without Latin letters.
 */
export function useLockShortcut(onLock: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const modifier = event.ctrlKey || event.metaKey;
      if (!modifier || event.altKey || event.shiftKey || event.repeat) return;
      const key = event.key.toLowerCase();
      const isL = key === 'l' || (!/^[a-z]$/.test(key) && event.code === 'KeyL');
      if (!isL) return;
      event.preventDefault();
      onLock();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onLock]);
}
