/**
 * The window's Content-Security-Policy: nothing but the app's own scripts, styles and images,
 * no inline code, no remote origins. Only where the renderer talks to the journal differs: the
 * Electron window uses IPC (no connections at all); the web preview bridge uses fetch to its
 * own origin.
 */
export function contentSecurityPolicy(connect: "'none'" | "'self'"): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
