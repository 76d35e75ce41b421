import { describe, expect, it } from 'vitest';
import { MINIMUM_KDF } from '../../src/core/kdf';
import { JournalService } from '../../src/core/service';
import { startFixture, watchLines } from './child';
import { PASSPHRASE, call, serviceFor, tempDir } from './helpers';

async function newJournal(): Promise<string> {
  const dir = tempDir();
  const service = serviceFor(dir);
  await call(service, 'createJournal', { passphrase: PASSPHRASE });
  service.close();
  return dir;
}

describe('kill -9 while saving', () => {
  it('keeps every acknowledged save and a sound database, over several kills', async () => {
    const dir = await newJournal();
    const acknowledged = new Map<string, number>();
    for (const target of [5, 40, 120, 17, 260]) {
      const child = startFixture('save-loop.ts', [dir, PASSPHRASE]);
      const watch = watchLines(child);
      await watch.until((lines) => lines.length >= target);
      child.kill('SIGKILL');
      await watch.exited;
      for (const line of watch.lines) {
        const [, id, version] = line.split(' ');
        acknowledged.set(id!, Math.max(Number(version), acknowledged.get(id!) ?? 0));
      }

      const service = serviceFor(dir);
      await call(service, 'unlock', { passphrase: PASSPHRASE });
      const db = service.journal.db;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(() =>
        db.prepare(`INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')`).run(),
      ).not.toThrow();
      for (const [id, version] of acknowledged) {
        const entry = await call(service, 'getEntry', { id });
        expect(entry.version).toBeGreaterThanOrEqual(version);
      }
      service.close();
    }
    expect(acknowledged.size).toBeGreaterThan(100);
  });
});

describe('kill -9 while changing the passphrase', () => {
  it('leaves exactly one of the old and new passphrases working', async () => {
    const next = 'a brand new passphrase';
    const outcomes: string[] = [];
    for (const delayMs of [0, 5, 20, 40, 60, 80, 100, 130, 160, 250]) {
      const dir = await newJournal();
      const child = startFixture('change-passphrase.ts', [dir, PASSPHRASE, next]);
      const watch = watchLines(child);
      await watch.until((lines) => lines.includes('start'));
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      child.kill('SIGKILL');
      await watch.exited;

      const opens = async (passphrase: string) => {
        const service = new JournalService(dir, { kdf: MINIMUM_KDF });
        const result = await service.call('unlock', { passphrase });
        service.close();
        if (!result.ok) expect(result.error.code).toBe('WRONG_PASSPHRASE');
        return result.ok;
      };
      const oldWorks = await opens(PASSPHRASE);
      const newWorks = await opens(next);
      expect(oldWorks !== newWorks).toBe(true);
      outcomes.push(newWorks ? 'new' : 'old');
    }
    console.log(`passphrase change killed at 10 moments: ${outcomes.join(', ')}`);
  });
});
