/**
 * npm run package:dry: packs the app for real, with electron-builder and electron-builder.yml,
 * into a Linux `dir` target, then checks what came out. Needs no Electron download: electron-builder
 * is given a stand-in Electron folder (`electronDist`) whose "binary" is only Electron's fuse wire
 * (the sentinel @electron/fuses looks for, with Electron's default states), so the fuses are
 * flipped by the same code as in a real build and can be read back.
 *
 * Checked: every fuse on the wire; app.asar holds package.json, the whole build but the CLI and
 * source maps, and the runtime dependencies only; every file in it carries integrity hashes; the
 * native binaries, and only they, are unpacked (and present next to it); hash-wasm and
 * better-sqlite3's JavaScript stay packed; every package the built main process imports is in it.
 * What it cannot check is whether Electron runs the result: tests/electron does, where Electron is.
 */
import { spawnSync } from 'node:child_process';
import { isBuiltin } from 'node:module';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { ensureBuilt } from '../web/build';
import { AsarArchive } from './asar';
import {
  FUSE_WIRE_INDEX,
  REQUIRED_FUSES,
  loadBuilderConfig,
  runtimeDependencies,
} from './builder-config';

const root = process.cwd();
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults, in wire order (docs/tutorial/fuses.md): what the build must change. */
const DEFAULT_WIRE = '10110001';
const NATIVE_DIR = 'node_modules/better-sqlite3-multiple-ciphers';
const problems: string[] = [];

function check(ok: boolean, problem: string): void {
  if (!ok) problems.push(problem);
}

function standInElectron(dir: string, version: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from('Not Electron: a stand-in carrying only its fuse wire.\n'),
    Buffer.from(SENTINEL, 'latin1'),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE, 'latin1'),
  ]);
  writeFileSync(join(dir, 'electron'), wire, { mode: 0o755 });
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'LICENSE'), '');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '');
}

function pack(electronDist: string, output: string): void {
  const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
  const result = spawnSync(
    process.execPath,
    [
      cli,
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`electron-builder failed (exit ${result.status}).`);
}

function checkFuses(binary: string): void {
  const bytes = readFileSync(binary);
  const at = bytes.indexOf(SENTINEL, 0, 'latin1') + SENTINEL.length;
  const wire = bytes.toString('latin1', at + 2, at + 2 + bytes[at + 1]!);
  for (const [fuse, wanted] of Object.entries(REQUIRED_FUSES)) {
    const state = wire[FUSE_WIRE_INDEX[fuse as keyof typeof REQUIRED_FUSES]];
    check(state === (wanted ? '1' : '0'), `fuse ${fuse} is "${state}", wanted ${wanted}`);
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).replace(/\\/g, '/'));
}

/**
 * Package names a built file loads: `from "x"`, `import("x")`, `require("x")`, and
 * `require.resolve("x")` or `createRequire(...).resolve("x")` (how the KDF thread finds hash-wasm).
 */
const PACKAGE_NAME = /^(@[a-z0-9~][\w.~-]*\/)?[a-z0-9~][\w.~-]*(\/[\w.~/-]*)?$/;

function bareImports(source: string): Set<string> {
  const names = new Set<string>();
  const pattern =
    /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|(?:\brequire|\))\.resolve\s*\(\s*)["']([^"']+)["']/g;
  for (const [, specifier] of source.matchAll(pattern)) {
    if (!specifier || specifier.startsWith('.') || specifier.startsWith('/')) continue;
    if (isBuiltin(specifier) || specifier === 'electron') continue;
    // Prose in a kept comment can read like an import (from "a backup, damaged"); a package
    // name cannot hold spaces or commas.
    if (!PACKAGE_NAME.test(specifier)) continue;
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
  }
  return names;
}

function checkArchive(resources: string): void {
  const asar = new AsarArchive(join(resources, 'app.asar'));
  const paths = [...asar.files.keys()];
  const top = new Set(paths.map((path) => path.split('/')[0]));
  check(
    [...top].sort().join(',') === 'node_modules,out,package.json',
    `app.asar holds ${[...top].sort().join(', ')}; wanted node_modules, out, package.json`,
  );

  const manifest = JSON.parse(asar.read('package.json').toString('utf8')) as {
    main?: string;
    type?: string;
  };
  check(manifest.main === 'out/main/index.js', `packaged main is ${manifest.main}`);
  check(manifest.type === 'module', 'packaged package.json lost "type": "module"');

  for (const file of filesUnder(join(root, 'out'))) {
    const packed = asar.files.get(file);
    const shipped = !file.endsWith('.map') && file !== 'out/main/cli.js';
    if (shipped) check(packed?.size === statSync(file).size, `${file} missing or differs`);
    else check(!packed, `${file} must not be packaged`);
  }

  const wanted = runtimeDependencies(root);
  const packages = new Set(
    paths
      .filter((path) => path.startsWith('node_modules/'))
      .map((path) => {
        const parts = path.split('/');
        return parts[1]!.startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1]!;
      }),
  );
  check(
    [...packages].sort().join(',') === wanted.join(','),
    `node_modules holds ${[...packages].sort().join(', ')}; wanted ${wanted.join(', ')}`,
  );

  for (const [path, file] of asar.files) {
    check(file.hasIntegrity, `${path} has no integrity hash`);
    // Native binaries cannot be loaded from inside the archive; everything else stays in it.
    const shouldUnpack = path.endsWith('.node');
    check(file.unpacked === shouldUnpack, `${path} is ${file.unpacked ? '' : 'not '}unpacked`);
    if (file.unpacked)
      check(
        existsSync(join(resources, 'app.asar.unpacked', path)),
        `${path} is marked unpacked but is not in app.asar.unpacked`,
      );
  }
  check(
    asar.files.get(`${NATIVE_DIR}/prebuilds/linux-x64.node`)?.unpacked === true,
    'the Linux x64 SQLite binary is not unpacked',
  );
  check(
    !paths.some(
      (path) =>
        /\/prebuilds\/linuxmusl-|\/(deps|src)\//.test(path.slice(NATIVE_DIR.length)) &&
        path.startsWith(NATIVE_DIR),
    ),
    'better-sqlite3 sources or musl binaries were packaged',
  );

  for (const name of new Set(
    filesUnder(join(root, 'out', 'main'))
      .filter((file) => file.endsWith('.js') && file !== 'out/main/cli.js')
      .flatMap((file) => [...bareImports(readFileSync(file, 'utf8'))]),
  )) {
    const packageJson = `node_modules/${name}/package.json`;
    if (!asar.files.has(packageJson)) {
      problems.push(`out/main imports ${name}, which is not packaged`);
      continue;
    }
    const { main = 'index.js' } = JSON.parse(asar.read(packageJson).toString('utf8')) as {
      main?: string;
    };
    const entry = `node_modules/${name}/${main.replace(/^\.\//, '')}`;
    const file = asar.files.get(entry) ?? asar.files.get(`${entry}.js`);
    check(file !== undefined, `${name}'s entry ${entry} is not packaged`);
    check(file?.unpacked === false, `${name}'s entry ${entry} left the archive`);
  }
}

async function main(): Promise<void> {
  ensureBuilt(join(root, 'out'));
  const config = await loadBuilderConfig(root);
  const { version } = JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('electron/package.json'), 'utf8'),
  ) as { version: string };
  const work = mkdtempSync(join(tmpdir(), 'lean-on-pack-'));
  try {
    standInElectron(join(work, 'electron'), version);
    pack(join(work, 'electron'), join(work, 'dist'));
    const appOut = join(work, 'dist', 'linux-unpacked');
    const executable = config.linux?.executableName ?? 'lean-on';
    checkFuses(join(appOut, executable));
    checkArchive(join(appOut, 'resources'));
  } finally {
    if (process.env.LEAN_ON_KEEP_PACK) console.log(`Kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  for (const problem of problems) console.error(`package:dry: ${problem}`);
  if (problems.length > 0) process.exitCode = 1;
  else console.log('package:dry: the packaged app has the fuses, files and layout it needs.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
