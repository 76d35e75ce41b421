import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';

// Lean On's licence and those of the open-source libraries it ships, for the About dialog.
// Run `npx tsx scripts/licenses.ts` after changing package.json; tests/unit/licenses.test.ts
// fails while the file is out of date.

export const LICENSES_FILE = join('src', 'renderer', 'src', 'settings', 'licenses.json');

/** Renderer libraries that the bundler copies into the window's code (devDependencies). */
const BUNDLED = [
  'react',
  'react-dom',
  'scheduler',
  'lexical',
  '@tanstack/react-virtual',
  '@tanstack/virtual-core',
  'zod',
  // The Insights charts, with everything they bring along (added by dependency, below).
  'recharts',
  'react-is',
];
/** Every @lexical/* package listed in package.json is bundled, except the lint rules. */
const NOT_SHIPPED = new Set(['@lexical/eslint-plugin']);

export interface Component {
  name: string;
  version: string;
  /** An SPDX licence id or expression, as the package declares it. */
  license: string;
  /** Where the source lives: the repository, or the homepage when there is none. */
  url: string | null;
}

export interface Licenses {
  app: { name: string; license: string };
  components: Component[];
}

interface PackageJson {
  name?: string;
  productName?: string;
  version?: string;
  license?: string | { type?: string };
  licenses?: { type?: string }[];
  repository?: string | { url?: string };
  homepage?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function readPackage(path: string): PackageJson {
  return JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
}

/** The declared licence: the SPDX field, or the older object and array forms. */
function licenseOf(pkg: PackageJson, name: string): string {
  if (typeof pkg.license === 'string' && pkg.license) return pkg.license;
  if (typeof pkg.license === 'object' && pkg.license.type) return pkg.license.type;
  const listed = (pkg.licenses ?? []).map((entry) => entry.type).filter(Boolean);
  if (listed.length > 0) return listed.join(' OR ');
  // A person has to look at the package before it can be listed as shipped.
  throw new Error(`${name} declares no licence in its package.json.`);
}

/** A repository field as a plain https address a person can open. */
function repositoryUrl(repository: PackageJson['repository']): string | null {
  const raw = typeof repository === 'string' ? repository : repository?.url;
  if (!raw) return null;
  if (/^[\w.-]+\/[\w.-]+$/.test(raw)) return `https://github.com/${raw}`;
  const shorthand = /^(github|gitlab):([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (shorthand) return `https://${shorthand[1]}.com/${shorthand[2]}`;
  return raw
    .replace(/^git\+/, '')
    .replace(/^git:\/\//, 'https://')
    .replace(/^ssh:\/\/git@/, 'https://')
    .replace(/\.git$/, '');
}

/** The names of the packages the app ships, sorted. */
export function shippedPackages(pkg: PackageJson): string[] {
  const dev = Object.keys(pkg.devDependencies ?? {});
  const lexical = dev.filter((name) => name.startsWith('@lexical/') && !NOT_SHIPPED.has(name));
  const names = new Set([...Object.keys(pkg.dependencies ?? {}), ...BUNDLED, ...lexical]);
  return [...names].sort((a, b) => a.localeCompare(b, 'en'));
}

/**
 * The bundled renderer libraries and, transitively, the runtime dependencies they pull in
 * (recharts brings redux, d3 and more), as installed in `root`'s node_modules.
 */
function withDependencies(root: string, names: string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const own = readPackage(join(root, 'node_modules', name, 'package.json'));
    for (const dependency of Object.keys(own.dependencies ?? {})) {
      // Type declarations never reach the running app.
      if (!dependency.startsWith('@types/')) visit(dependency);
    }
  };
  for (const name of names) visit(name);
  return [...seen].sort((a, b) => a.localeCompare(b, 'en'));
}

/** Reads package.json in `root` and each shipped package's own package.json. */
export function collectLicenses(root: string): Licenses {
  const pkg = readPackage(join(root, 'package.json'));
  const components = withDependencies(root, shippedPackages(pkg)).map((name): Component => {
    const own = readPackage(join(root, 'node_modules', name, 'package.json'));
    if (!own.version) throw new Error(`${name} has no version in its package.json.`);
    return {
      name,
      version: own.version,
      license: licenseOf(own, name),
      url: repositoryUrl(own.repository) ?? own.homepage ?? null,
    };
  });
  return {
    app: {
      name: pkg.productName ?? pkg.name ?? 'Lean On',
      license: licenseOf(pkg, 'Lean On'),
    },
    components,
  };
}

/** The file's text exactly as it should be on disk, formatted as Prettier would leave it. */
export async function licensesFileText(root: string): Promise<string> {
  const file = join(root, LICENSES_FILE);
  const options = (await resolveConfig(file)) ?? {};
  return format(JSON.stringify(collectLicenses(root)), { ...options, filepath: file });
}

async function main(): Promise<void> {
  const root = process.cwd();
  const text = await licensesFileText(root);
  writeFileSync(join(root, LICENSES_FILE), text);
  const count = (JSON.parse(text) as Licenses).components.length;
  process.stdout.write(`Wrote ${LICENSES_FILE} (${count} components).\n`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
