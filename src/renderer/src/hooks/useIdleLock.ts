import { useEffect, useRef } from 'react';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once nobody has typed, clicked, scrolled or moved the pointer in this window
 * for `minutes` (0: never). Activity elsewhere on the computer does not count: a journal
 * left open behind other windows locks itself.
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (minutes <= 0) return;
    const limit = minutes * 60_000;
    let lastActivity = Date.now();
    const onActivity = () => {
      lastActivity = Date.now();
    };
    for (const type of ACTIVITY)
      window.addEventListener(type, onActivity, { passive: true, capture: true });
    // Checked often rather than one long timer, so a sleeping laptop that wakes after the
    // limit locks straight away instead of counting from where its timer was paused.
    const check = window.setInterval(
      () => {
        if (Date.now() - lastActivity >= limit) latest.current();
      },
      Math.min(15_000, limit / 4),
    );
    return () => {
      window.clearInterval(check);
      for (const type of ACTIVITY) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [minutes]);
}
