import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, call, createTestJournal, failCode, tempDir } from './helpers';

// Import, export and backup as the app reaches them: through the contract, with a preview
// that is applied only as it was shown.

function jrnlExport(dir: string): string {
  const file = join(dir, 'jrnl.json');
  writeFileSync(
    file,
    JSON.stringify({
      tags: { '@trust': 1 },
      entries: [
        {
          title: 'Asked Sam to help me move',
          body: 'He said yes before I finished the sentence.',
          date: '2024-03-02',
          time: '19:30',
          tags: ['@trust', '@moving'],
          starred: true,
        },
        {
          title: 'A quiet day',
          body: 'Nothing to report.',
          date: '2024-03-03',
          time: '08:00',
          tags: [],
          starred: false,
        },
      ],
    }),
  );
  return file;
}

describe('import through the contract', () => {
  it('previews, then applies exactly what was previewed, and never twice', async () => {
    const { service } = await createTestJournal();
    const file = jrnlExport(tempDir());
    const preview = await call(service, 'previewImport', { path: file });
    expect(preview).toMatchObject({
      format: 'jrnl',
      source: 'jrnl.json',
      counts: { read: 2, add: 2, duplicates: 0, skipped: 0, newThemes: 1 },
    });
    expect(preview.themes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ tag: 'trust', kind: 'existing', themeId: 'trust' }),
        expect.objectContaining({ tag: 'moving', kind: 'new' }),
      ]),
    );
    const outcome = await call(service, 'applyImport', {
      previewId: preview.previewId,
      createThemes: true,
    });
    expect(outcome).toEqual({ added: 2, duplicates: 0, skipped: 0, createdThemes: 1 });
    // The same preview cannot be applied twice; a new one finds only duplicates.
    expect(
      await failCode(service, 'applyImport', { previewId: preview.previewId, createThemes: true }),
    ).toBe('NOT_FOUND');
    const again = await call(service, 'previewImport', { path: file });
    expect(again.counts).toMatchObject({ add: 0, duplicates: 2 });
    const { hits } = await call(service, 'search', { query: 'sentence' });
    expect(hits.map((hit) => hit.title)).toEqual(['Asked Sam to help me move']);
  });

  it('forgets a preview when the journal locks', async () => {
    const { service } = await createTestJournal();
    const preview = await call(service, 'previewImport', { path: jrnlExport(tempDir()) });
    await call(service, 'lock');
    await call(service, 'unlock', { passphrase: PASSPHRASE });
    expect(
      await failCode(service, 'applyImport', { previewId: preview.previewId, createThemes: true }),
    ).toBe('NOT_FOUND');
    expect((await call(service, 'listEntries', {})).entries).toHaveLength(0);
  });

  it('refuses relative paths and says what is wrong with a file that is not an export', async () => {
    const { service } = await createTestJournal();
    expect(await failCode(service, 'previewImport', { path: 'jrnl.json' })).toBe('INVALID_INPUT');
    const bogus = join(tempDir(), 'notes.json');
    writeFileSync(bogus, '{"hello": "world"}');
    const result = await service.call('previewImport', { path: bogus });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toContain('notes.json');
    }
  });
});

describe('export and backup through the contract', () => {
  it('export JSON (flagged unencrypted) and make a backup (encrypted) with progress', async () => {
    const { service } = await createTestJournal();
    await call(service, 'createEntry', {
      title: 'Kept',
      doc: {
        root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [] },
      },
      timeZone: 'UTC',
    });
    const dir = tempDir();
    const exported = await call(service, 'exportJournal', {
      format: 'json',
      out: join(dir, 'journal.json'),
    });
    expect(exported).toMatchObject({ format: 'json', entryCount: 1, encrypted: false });
    expect(JSON.parse(readFileSync(exported.path, 'utf8'))).toMatchObject({
      format: 'lean-on-export',
    });
    const steps: string[] = [];
    const backup = await service.call(
      'createBackup',
      { out: join(dir, 'journal.leanon-backup') },
      (_f, label) => steps.push(label),
    );
    expect(backup).toMatchObject({ ok: true, value: { entryCount: 1, encrypted: true } });
    expect(existsSync(join(dir, 'journal.leanon-backup'))).toBe(true);
    expect(steps).toContain('Checking the backup opens');
  });
});

describe('importing a Lean On backup through the contract', () => {
  it('needs the backup’s passphrase, adds another journal’s entries, and none of its own', async () => {
    const source = await createTestJournal();
    await call(source.service, 'createEntry', {
      title: 'From the old journal',
      doc: {
        root: {
          type: 'root',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          children: [
            {
              type: 'paragraph',
              version: 1,
              direction: null,
              format: '',
              indent: 0,
              children: [
                {
                  type: 'text',
                  version: 1,
                  text: 'Carried across',
                  format: 1,
                  style: '',
                  mode: 'normal',
                  detail: 0,
                },
              ],
            },
          ],
        },
      },
      timeZone: 'UTC',
    });
    const file = join(tempDir(), 'old.leanon-backup');
    await call(source.service, 'createBackup', { out: file });

    // A backup of this same journal: everything is already here.
    const own = await call(source.service, 'previewImport', {
      path: file,
      format: 'lean-on-backup',
      backupPassphrase: PASSPHRASE,
    });
    expect(own.counts).toMatchObject({ add: 0, duplicates: 1 });

    const target = await createTestJournal();
    expect(
      await failCode(target.service, 'previewImport', { path: file, format: 'lean-on-backup' }),
    ).toBe('INVALID_INPUT');
    expect(
      await failCode(target.service, 'previewImport', {
        path: file,
        format: 'lean-on-backup',
        backupPassphrase: 'not the passphrase at all',
      }),
    ).toBe('WRONG_PASSPHRASE');
    const preview = await call(target.service, 'previewImport', {
      path: file,
      format: 'lean-on-backup',
      backupPassphrase: PASSPHRASE,
    });
    expect(preview.counts).toMatchObject({ add: 1, duplicates: 0 });
    await call(target.service, 'applyImport', { previewId: preview.previewId, createThemes: true });
    const [summary] = (await call(target.service, 'listEntries', {})).entries;
    const entry = await call(target.service, 'getEntry', { id: summary!.id });
    expect(entry.title).toBe('From the old journal');
    // The document comes across as it was, bold and all.
    expect(JSON.stringify(entry.doc)).toContain('"format":1');
  });
});
