/** Debian's Chromium, which the window benchmark drives (never a downloaded browser). */
export const CHROMIUM = process.env.LEAN_ON_CHROMIUM ?? '/usr/bin/chromium';
