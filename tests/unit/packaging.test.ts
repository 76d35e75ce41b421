import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  REQUIRED_FUSES,
  filesTake,
  globsTake,
  loadBuilderConfig,
  patternsOf,
  validateBuilderConfig,
} from '../../scripts/package/builder-config';
import { ICNS_TYPES, readIcns, readIco, readPng } from '../../scripts/package/icon-formats';
import { ICO_SIZES, PNG_SIZES } from '../../scripts/package/icons';

// electron-builder.yml, checked without an Electron binary: electron-builder's own validation,
// then what this app needs of it (docs/packaging.md). `npm run package:dry` packs for real.

const root = join(import.meta.dirname, '..', '..');
const NATIVE = 'node_modules/better-sqlite3-multiple-ciphers';
let config: Configuration;

beforeAll(async () => {
  config = await loadBuilderConfig(root);
});

function targetNames(platform: 'linux' | 'mac' | 'win'): string[] {
  const target = config[platform]?.target;
  const list = !target ? [] : Array.isArray(target) ? target : [target];
  return list.map((entry) => (typeof entry === 'string' ? entry : entry.target));
}

function expectValidPng(file: Buffer, size: number, what: string): void {
  const png = readPng(file);
  expect({ width: png.width, height: png.height }, what).toEqual({ width: size, height: size });
  expect({ bitDepth: png.bitDepth, colorType: png.colorType }, `${what} is 8-bit RGBA`).toEqual({
    bitDepth: 8,
    colorType: 6,
  });
  expect(png.rawLength, `${what} decodes to whole rows`).toBe(size * (size * 4 + 1));
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation, which refuses a misspelt option', async () => {
    // loadBuilderConfig validated it already; this proves the validator is really at work.
    const misspelt = { ...config, asarUnpak: ['x'] } as Configuration;
    await expect(validateBuilderConfig(misspelt)).rejects.toThrow(/Invalid configuration/);
  });

  it('names the app', () => {
    expect(config.appId).toBe('app.leanon.journal');
    expect(config.productName).toBe('Lean On');
    expect(config.linux?.executableName).toBe('lean-on');
  });

  it('flips exactly the fuses the app ships with', () => {
    expect(config.electronFuses).toEqual(REQUIRED_FUSES);
  });

  it('packs into app.asar without smart unpacking', () => {
    expect(config.asar).toEqual({ smartUnpack: false });
  });

  it('unpacks the native SQLite binary, and nothing that asar integrity should cover', () => {
    const unpack = patternsOf(config.asarUnpack);
    for (const binary of [
      'prebuilds/linux-x64.node',
      'prebuilds/linux-arm64.node',
      'prebuilds/darwin-arm64.node',
      'prebuilds/darwin-x64.node',
      'prebuilds/win32-x64.node',
      'build/Release/better_sqlite3.node',
    ])
      expect(globsTake(unpack, `${NATIVE}/${binary}`), binary).toBe(true);
    for (const stays of [
      'node_modules/hash-wasm/dist/index.umd.js',
      'node_modules/hash-wasm/package.json',
      `${NATIVE}/lib/index.js`,
      `${NATIVE}/lib/binding.js`,
      'out/main/index.js',
      'out/main/core-worker.js',
      'out/preload/index.cjs',
      'package.json',
    ])
      expect(globsTake(unpack, stays), stays).toBe(false);
  });

  it('uses the prebuilt binary instead of compiling', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
  });

  it('packages the build and the runtime dependencies only', () => {
    const files = patternsOf(config.files);
    for (const taken of [
      'out/main/index.js',
      'out/main/core-worker.js',
      'out/main/chunks/service-x.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-x.js',
      `${NATIVE}/lib/index.js`,
      `${NATIVE}/prebuilds/linux-x64.node`,
      'node_modules/hash-wasm/dist/index.umd.js',
    ])
      expect(filesTake(files, taken), taken).toBe(true);
    for (const left of [
      'src/main/index.ts',
      'tests/unit/packaging.test.ts',
      'scripts/package/icons.ts',
      'resources/icons/icon.svg',
      'docs/packaging.md',
      'out/main/cli.js',
      'out/main/index.js.map',
      `${NATIVE}/deps/sqlite3/sqlite3.c`,
      `${NATIVE}/src/better_sqlite3.cpp`,
      `${NATIVE}/prebuilds/linuxmusl-x64.node`,
      'node_modules/node-addon-api/napi.h',
    ])
      expect(filesTake(files, left), left).toBe(false);
  });

  it('has no platform-level "files", which would replace the list above instead of adding to it', () => {
    for (const platform of ['linux', 'mac', 'win'] as const)
      expect(config[platform]?.files, platform).toBeUndefined();
  });

  it('targets AppImage and deb on Linux, dmg on macOS, NSIS on Windows', () => {
    expect(targetNames('linux')).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(targetNames('mac')).toContain('dmg');
    expect(targetNames('win')).toContain('nsis');
  });

  it('gives deb the homepage and maintainer it requires', () => {
    const metadata = config.extraMetadata as
      { homepage?: string; author?: { name?: string; email?: string } } | undefined;
    expect(metadata?.homepage).toMatch(/^https:\/\//);
    expect(metadata?.author?.email).toMatch(/@/);
  });

  it('packages the exact Electron version it is tested with', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(manifest.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('icons', () => {
  it('has a PNG per Linux size, named as electron-builder expects, and no other', () => {
    const dir = join(root, config.linux?.icon ?? 'missing');
    const found = readdirSync(dir).filter((name) => /^\d+x\d+\.png$/.test(name));
    expect(found.sort()).toEqual(PNG_SIZES.map((size) => `${size}x${size}.png`).sort());
    for (const size of PNG_SIZES)
      expectValidPng(readFileSync(join(dir, `${size}x${size}.png`)), size, `${size}x${size}.png`);
  });

  it('has a macOS .icns with every size from 16 to 1024', () => {
    const icns = readIcns(readFileSync(join(root, config.mac?.icon ?? 'missing')));
    for (const [type, size] of ICNS_TYPES) {
      const png = icns.get(type);
      expect(png, type).toBeDefined();
      expectValidPng(png!, size, `icns ${type}`);
    }
  });

  it('has a Windows .ico from 16 to 256 px', () => {
    const entries = readIco(readFileSync(join(root, config.win?.icon ?? 'missing')));
    expect(entries.map((entry) => entry.size)).toEqual([...ICO_SIZES]);
    for (const entry of entries) {
      if (entry.format === 'png') {
        expectValidPng(entry.bytes, entry.size, `ico ${entry.size}`);
        continue;
      }
      const { bytes, size } = entry;
      const mask = Math.ceil(size / 32) * 4 * size;
      expect(
        [bytes.readInt32LE(4), bytes.readInt32LE(8), bytes.readUInt16LE(14), bytes.length],
        `ico ${size} DIB header`,
      ).toEqual([size, size * 2, 32, 40 + size * size * 4 + mask]);
    }
  });

  it('keeps its SVG source in the brand colours', () => {
    const svg = readFileSync(join(root, 'resources', 'icons', 'icon.svg'), 'utf8');
    expect(svg).toContain('#2f6b5f');
    expect(svg).toContain('#d9935f');
    expect(existsSync(join(root, 'resources', 'icons', '1024x1024.png'))).toBe(true);
  });
});
