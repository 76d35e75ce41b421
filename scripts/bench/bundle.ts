import { build } from 'esbuild';

/**
 * Bundles benchmark phases like the app's own build does, with the native module left
 * external, into `outdir` as `<name>.mjs`: each phase then runs in a fresh process that loads
 * only what it measures.
 */
export async function bundlePhases(entryPoints: Record<string, string>, outdir: string) {
  await build({
    entryPoints,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3-multiple-ciphers'],
    banner: {
      js: "import { createRequire as benchRequire } from 'node:module'; const require = benchRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}
