import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';

/**
 * electron-builder.yml read and validated by electron-builder itself, exactly as `npm run package`
 * does before building: app-builder-lib's getConfig (YAML, `extends`, defaults from package.json)
 * then validateConfiguration (its JSON schema, scheme.json, plus its deprecation checks). Neither
 * is in electron-builder's public exports, so they are loaded from the app-builder-lib that
 * electron-builder itself resolves; the version is pinned in package.json.
 */
interface ConfigModule {
  getConfig(
    projectDir: string,
    configPath: string | null,
    configFromOptions: Configuration | null,
  ): Promise<Configuration>;
  validateConfiguration(
    config: Configuration,
    debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void },
  ): Promise<void>;
}

export const CONFIG_FILE = 'electron-builder.yml';

const builderRequire = createRequire(
  createRequire(import.meta.url).resolve('electron-builder/package.json'),
);
/** Resolves as app-builder-lib's own code does, so its minimatch is the one it filters with. */
const appBuilderRequire = createRequire(builderRequire.resolve('app-builder-lib/package.json'));
const configModule = appBuilderRequire('./out/util/config/config') as ConfigModule;
const quietLogger = { isEnabled: false, add: () => undefined };

export async function validateBuilderConfig(config: Configuration): Promise<void> {
  await configModule.validateConfiguration(config, quietLogger);
}

export async function loadBuilderConfig(projectDir: string): Promise<Configuration> {
  const config = await configModule.getConfig(projectDir, CONFIG_FILE, null);
  await validateBuilderConfig(config);
  return config;
}

/** The fuses the app must ship with (docs/packaging.md says what each one does). */
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const;

/** Position of each fuse on Electron's V1 fuse wire (@electron/fuses FuseV1Options). */
export const FUSE_WIRE_INDEX: Record<keyof typeof REQUIRED_FUSES, number> = {
  runAsNode: 0,
  enableCookieEncryption: 1,
  enableNodeOptionsEnvironmentVariable: 2,
  enableNodeCliInspectArguments: 3,
  enableEmbeddedAsarIntegrityValidation: 4,
  onlyLoadAppFromAsar: 5,
  grantFileProtocolExtraPrivileges: 7,
};

/** The production dependencies, the only packages the app may carry in node_modules. */
export function runtimeDependencies(projectDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return Object.keys(manifest.dependencies ?? {}).sort();
}

/**
 * The patterns of a `files`-like option as plain strings. getConfig normalises a list of
 * strings into one file set ({ filter: [...] }) copied from the app's own folder.
 */
export function patternsOf(option: Configuration['files']): string[] {
  const entries =
    option === null || option === undefined ? [] : Array.isArray(option) ? option : [option];
  return entries.flatMap((entry) => {
    if (typeof entry === 'string') return [entry];
    if (entry.from || entry.to)
      throw new Error(`file sets with from/to are not expected here: ${JSON.stringify(entry)}`);
    return typeof entry.filter === 'string' ? [entry.filter] : (entry.filter ?? []);
  });
}

/**
 * Whether a glob list takes `path` (relative to the project), evaluated the way electron-builder's
 * filter does (app-builder-lib util/filter.js): in order, each pattern only able to flip the
 * verdict of the ones before it, with its own minimatch and options ({ dot: true }).
 */
export function globsTake(patterns: readonly string[], path: string): boolean {
  const { Minimatch } = appBuilderRequire('minimatch') as {
    Minimatch: new (
      pattern: string,
      options: { dot: boolean },
    ) => { negate: boolean; match(path: string): boolean };
  };
  let taken = false;
  for (const pattern of patterns) {
    const matcher = new Minimatch(pattern, { dot: true });
    if (taken !== matcher.negate) continue;
    taken = matcher.match(path);
  }
  return taken;
}

/**
 * Whether `files` puts `path` in the package. Production dependencies are added whole and then
 * filtered by the same patterns (electron-builder puts a match-all pattern first); anything else
 * must be taken by a pattern. The dry run (scripts/package/dry-run.ts) checks the real thing.
 */
export function filesTake(patterns: readonly string[], path: string): boolean {
  return globsTake(path.startsWith('node_modules/') ? ['**/*', ...patterns] : patterns, path);
}
