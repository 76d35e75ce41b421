import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LICENSES_FILE,
  type Licenses,
  collectLicenses,
  licensesFileText,
  shippedPackages,
} from '../../scripts/licenses';

// The About dialog lists the open-source libraries Lean On ships. The list is generated from
// package.json, so a library added, removed or upgraded without regenerating it fails here.

const root = process.cwd();

describe('the licence list in the About dialog', () => {
  it('matches package.json and node_modules (run `npx tsx scripts/licenses.ts` if not)', async () => {
    const onDisk = readFileSync(join(root, LICENSES_FILE), 'utf8');
    expect(onDisk).toBe(await licensesFileText(root));
  });

  it('covers every runtime dependency and the bundled renderer libraries, not the tooling', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    const names = collectLicenses(root).components.map((component) => component.name);
    for (const name of Object.keys(pkg.dependencies ?? {})) expect(names).toContain(name);
    for (const name of ['react', 'react-dom', 'scheduler', 'lexical', '@lexical/react', 'zod']) {
      expect(names).toContain(name);
    }
    expect(names).not.toContain('@lexical/eslint-plugin');
    expect(names).not.toContain('electron');
    expect(names).not.toContain('vitest');
  });

  it('gives each component a version and a licence id', () => {
    const licenses = JSON.parse(readFileSync(join(root, LICENSES_FILE), 'utf8')) as Licenses;
    expect(licenses.app.license).toMatch(/\S/);
    for (const component of licenses.components) {
      expect(component.version, component.name).toMatch(/^\d+\.\d+\.\d+/);
      expect(component.license, component.name).toMatch(/^[\w.+-]+( (OR|AND|WITH) [\w.+-]+)*$/);
    }
  });

  it('lists @lexical/* packages from package.json but never the eslint plugin', () => {
    const names = shippedPackages({
      dependencies: { fflate: '1' },
      devDependencies: { '@lexical/list': '1', '@lexical/eslint-plugin': '1', typescript: '5' },
    });
    expect(names).toContain('fflate');
    expect(names).toContain('@lexical/list');
    expect(names).not.toContain('@lexical/eslint-plugin');
    expect(names).not.toContain('typescript');
  });
});
