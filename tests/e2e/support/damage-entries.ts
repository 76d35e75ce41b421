import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';

// Run as its own process (Playwright's loader can't load the native module's package):
//   node --import tsx tests/e2e/support/damage-entries.ts <journal.db> <hex key>
// Flips 64 bytes inside the second leaf page of the entries table, so some entries can no
// longer be read while the rest of the file (and every other page of entries) stays whole.

const [path, hexKey] = process.argv.slice(2);
if (!path || !hexKey || !/^[0-9a-f]{64}$/i.test(hexKey)) {
  throw new Error('usage: damage-entries.ts <journal.db> <64 hex digits of the key>');
}
const db = new Database(path, { readonly: true });
db.pragma(`cipher='sqlcipher'`);
db.pragma('legacy=4');
db.pragma(`key="x'${hexKey}'"`);
const pages = db
  .prepare("SELECT pageno FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf' ORDER BY pageno")
  .pluck()
  .all() as number[];
db.close();
if (pages.length < 3) throw new Error(`only ${pages.length} leaf pages of entries to damage`);
const fd = openSync(path, 'r+');
const bytes = Buffer.alloc(64);
const at = (pages[1]! - 1) * 4096 + 1500;
readSync(fd, bytes, 0, bytes.length, at);
for (let i = 0; i < bytes.length; i++) bytes[i] = bytes[i]! ^ 0x5a;
writeSync(fd, bytes, 0, bytes.length, at);
closeSync(fd);
process.stdout.write(`damaged page ${pages[1]}\n`);
