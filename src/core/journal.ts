import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { JournalError } from '../shared/errors';
import type { JournalState } from '../shared/types';
import { fsyncFolder } from './atomic-file';
import { CREATING_MARKER } from './paths';
import {
  DATABASE_FILE,
  type Db,
  applyConnectionSettings,
  openEncrypted,
  translateSqliteError,
} from './db/database';
import { assertNotFromFuture, migrate } from './db/migrate';
import { DEFAULT_KDF, type Argon2Params } from './kdf';
import { FULL_CHECK_MAX_BYTES, checkFileLength, checkIntegrity, checkOnOpen } from './integrity';
import { finishInterruptedRestore, restoreIntoJournalFolder } from './restore-in-place';
import { flushSearchIndex } from './search-index';
import {
  KEYRING_FILE,
  createKeyring,
  keyringExists,
  readKeyring,
  replaceSlot,
  unlockSlot,
  writeKeyring,
} from './keyring';
import {
  assertAcceptablePassphrase,
  generateRecoveryCode,
  normalizeRecoveryCode,
  passphraseBytes,
} from './secrets';

export { CREATING_MARKER };

export interface JournalOptions {
  /** Key-derivation cost for new slots; tests and benchmarks may lower it to OWASP's floor. */
  kdf?: Argon2Params;
  /** Journals up to this size get the full integrity check on every open (see integrity.ts). */
  fullCheckMaxBytes?: number;
}

export interface UnlockOptions {
  /**
   * Opens without writing anything (no migration, no repair, query_only): for a damaged journal,
   * so that what can still be read can be exported.
   */
  readOnly?: boolean;
}

export interface UnlockReport {
  /** Plain sentences about what the open found and repaired, or, read-only, found damaged. */
  notices: string[];
}

export type ProgressFn = (fraction: number | null, label: string) => void;

const noProgress: ProgressFn = () => undefined;

/**
 * One journal folder and, while unlocked, its open database. Owns the only copy of the
 * database key in the process and wipes it on lock.
 */
export class Journal {
  readonly dir: string;
  private readonly kdf: Argon2Params;
  private readonly fullCheckMaxBytes: number;
  private connection: Db | null = null;
  private key: Buffer | null = null;
  private openedReadOnly = false;
  private openNotices: string[] = [];

  constructor(dir: string, options: JournalOptions = {}) {
    this.dir = dir;
    this.kdf = options.kdf ?? DEFAULT_KDF;
    this.fullCheckMaxBytes = options.fullCheckMaxBytes ?? FULL_CHECK_MAX_BYTES;
  }

  /** True while the journal is open read-only; every write then fails. */
  get readOnly(): boolean {
    return this.connection !== null && this.openedReadOnly;
  }

  /** What the last open found and repaired; empty when all was well. */
  get notices(): readonly string[] {
    return this.openNotices;
  }

  get databasePath(): string {
    return join(this.dir, DATABASE_FILE);
  }

  state(): JournalState {
    if (this.connection) return 'unlocked';
    finishInterruptedRestore(this.dir);
    if (existsSync(join(this.dir, CREATING_MARKER))) return 'no-journal';
    if (!existsSync(this.databasePath) && !keyringExists(this.dir)) return 'no-journal';
    return 'locked';
  }

  get db(): Db {
    if (!this.connection) throw new JournalError('LOCKED');
    return this.connection;
  }

  /** Creates the folder's journal and unlocks it. Returns the recovery code, shown once. */
  async create(passphrase: string, progress: ProgressFn = noProgress): Promise<string> {
    assertAcceptablePassphrase(passphrase);
    if (this.state() !== 'no-journal') throw new JournalError('JOURNAL_EXISTS');
    this.prepareFolder();
    const marker = join(this.dir, CREATING_MARKER);
    writeFileSync(marker, '', { mode: 0o600 });
    for (const leftover of [
      DATABASE_FILE,
      `${DATABASE_FILE}-wal`,
      `${DATABASE_FILE}-shm`,
      KEYRING_FILE,
    ]) {
      rmSync(join(this.dir, leftover), { force: true });
    }
    const recoveryCode = generateRecoveryCode();
    progress(null, 'Protecting the journal with your passphrase');
    const { keyring, databaseKey } = await createKeyring(
      passphraseBytes(passphrase),
      Buffer.from(recoveryCode, 'utf8'),
      this.kdf,
    );
    progress(null, 'Creating the encrypted journal');
    const db = openEncrypted(this.databasePath, databaseKey, { create: true });
    try {
      // Owner only; SQLite gives the -wal and -shm files the database file's permissions.
      if (process.platform !== 'win32') chmodSync(this.databasePath, 0o600);
      applyConnectionSettings(db);
      migrate(db);
      db.prepare(`INSERT INTO meta (key, value) VALUES ('journal_id', ?)`).run(keyring.journalId);
    } catch (error) {
      db.close();
      throw translateSqliteError(error);
    }
    writeKeyring(this.dir, keyring);
    rmSync(marker);
    fsyncFolder(this.dir);
    this.connection = db;
    this.key = databaseKey;
    return recoveryCode;
  }

  private prepareFolder(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const foreign = readdirSync(this.dir).filter(
      (name) =>
        !name.startsWith('.') &&
        ![DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, KEYRING_FILE].includes(
          name,
        ),
    );
    if (foreign.length > 0) {
      throw new JournalError(
        'NOT_A_JOURNAL',
        'This folder already holds other files; choose an empty folder for a new journal.',
      );
    }
  }

  /** Opens the journal. Already open, it still checks the passphrase: a wrong one never succeeds. */
  async unlock(
    passphrase: string,
    progress: ProgressFn = noProgress,
    options: UnlockOptions = {},
  ): Promise<UnlockReport> {
    const keyring = this.readKeyringForUnlock();
    progress(null, 'Checking your passphrase');
    const key = await unlockSlot(keyring, 'passphrase', passphraseBytes(passphrase));
    if (!key) throw new JournalError('WRONG_PASSPHRASE');
    if (this.connection && this.openedReadOnly === (options.readOnly ?? false)) {
      key.fill(0);
      return { notices: [...this.openNotices] };
    }
    this.lock();
    progress(null, 'Opening the journal');
    if (options.readOnly) this.openReadOnly(key);
    else this.open(key);
    return { notices: [...this.openNotices] };
  }

  /**
   * The full check, on demand (it reads the whole journal: about a minute at 100,000 entries):
   * repairs derived data and returns notices, or throws CORRUPT for damage to entries.
   */
  checkNow(progress: ProgressFn = noProgress): string[] {
    if (this.readOnly) throw new JournalError('LOCKED', 'Open the journal normally to check it.');
    progress(null, 'Checking the whole journal');
    const check = checkOnOpen(this.db, this.databasePath, Number.POSITIVE_INFINITY);
    if (check.compact) {
      const damaged = this.db;
      this.connection = null;
      try {
        this.connection = this.compact(damaged, this.key!);
      } finally {
        if (!this.connection) this.lock();
      }
    }
    return check.notices;
  }

  /**
   * Rewrites the database without its unreachable (damaged) pages: VACUUM INTO a new file,
   * which reads only live rows, then an atomic rename over the old. Until the rename, the old
   * file keeps every entry, so a failure or crash leaves a journal that opens (and compacts).
   */
  private compact(db: Db, key: Buffer): Db {
    const fresh = `${this.databasePath}.repaired`;
    rmSync(fresh, { force: true });
    try {
      db.prepare('VACUUM INTO ?').run(fresh);
    } catch (error) {
      rmSync(fresh, { force: true });
      throw translateSqliteError(error);
    } finally {
      // Closing checkpoints the WAL; the old file then stands alone until it is replaced.
      db.close();
    }
    if (process.platform !== 'win32') chmodSync(fresh, 0o600);
    // VACUUM INTO does not sync its output; the rename must not land before the bytes do.
    const fd = openSync(fresh, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    for (const leftover of [`${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) {
      rmSync(join(this.dir, leftover), { force: true });
    }
    renameSync(fresh, this.databasePath);
    fsyncFolder(this.dir);
    const reopened = openEncrypted(this.databasePath, key, { create: false });
    try {
      applyConnectionSettings(reopened);
      if (checkIntegrity(reopened, { text: false }).derivedDamage.length > 0) {
        throw new JournalError('CORRUPT', 'The journal could not be repaired.');
      }
    } catch (error) {
      reopened.close();
      throw translateSqliteError(error);
    }
    return reopened;
  }

  /** For a forgotten passphrase: the recovery code opens the journal and a new passphrase replaces the old. */
  async unlockWithRecoveryCode(
    recoveryCode: string,
    newPassphrase: string,
    progress: ProgressFn = noProgress,
  ): Promise<void> {
    assertAcceptablePassphrase(newPassphrase);
    const keyring = this.readKeyringForUnlock();
    const code = normalizeRecoveryCode(recoveryCode);
    if (!code) {
      throw new JournalError(
        'WRONG_RECOVERY_CODE',
        'That is not a recovery code: it should be 32 letters and digits, like ABCD-EFGH-….',
      );
    }
    progress(null, 'Checking the recovery code');
    const key = await unlockSlot(keyring, 'recovery', Buffer.from(code, 'utf8'));
    if (!key) throw new JournalError('WRONG_RECOVERY_CODE');
    this.lock();
    this.open(key);
    progress(null, 'Setting your new passphrase');
    writeKeyring(
      this.dir,
      await replaceSlot(keyring, 'passphrase', passphraseBytes(newPassphrase), key, this.kdf),
    );
  }

  private readKeyringForUnlock() {
    const state = this.state();
    if (state === 'no-journal') throw new JournalError('NO_JOURNAL');
    if (!keyringExists(this.dir)) throw new JournalError('KEYRING_MISSING');
    return readKeyring(this.dir);
  }

  private open(key: Buffer): void {
    if (!existsSync(this.databasePath)) {
      throw new JournalError(
        'CORRUPT',
        'The journal’s keyring is here but its journal.db is missing; restore it from a backup.',
      );
    }
    let db: Db | undefined = openEncrypted(this.databasePath, key, { create: false });
    try {
      assertNotFromFuture(db);
      const tables = db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`)
        .pluck()
        .all() as string[];
      if (tables.length === 0) {
        throw new JournalError('CORRUPT', 'The journal file is empty or was cut short.');
      }
      if (!tables.includes('entries')) {
        throw new JournalError(
          'NOT_A_JOURNAL',
          'This file is a database, but not a Lean On journal.',
        );
      }
      applyConnectionSettings(db);
      migrate(db);
      // Edits whose reindexing a crash interrupted are indexed now.
      flushSearchIndex(db);
      const check = checkOnOpen(db, this.databasePath, this.fullCheckMaxBytes);
      if (check.compact) {
        const damaged = db;
        db = undefined; // compact() closes it, on failure too
        db = this.compact(damaged, key);
      }
      this.openNotices = check.notices;
    } catch (error) {
      db?.close();
      throw translateSqliteError(error);
    }
    this.connection = db;
    this.key = key;
    this.openedReadOnly = false;
  }

  /**
   * Opens without writing a byte, even to replay a leftover WAL into the file: what can be read
   * can then be exported. Damage found is reported as notices instead of refusing to open.
   */
  private openReadOnly(key: Buffer): void {
    if (!existsSync(this.databasePath)) {
      throw new JournalError(
        'CORRUPT',
        'The journal’s keyring is here but its journal.db is missing; restore it from a backup.',
      );
    }
    const db = openEncrypted(this.databasePath, key, { create: false, readonly: true });
    const notices: string[] = [];
    try {
      db.pragma('query_only = ON');
      db.pragma('temp_store = MEMORY');
      assertNotFromFuture(db);
      const lengthProblem = checkFileLength(db, this.databasePath);
      if (lengthProblem) notices.push(lengthProblem);
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      const pageCount = db.pragma('page_count', { simple: true }) as number;
      if (pageSize * pageCount <= this.fullCheckMaxBytes) {
        const report = checkIntegrity(db, { text: false, searchIndex: false });
        notices.push(...report.damaged, ...report.derivedDamage);
      }
    } catch (error) {
      db.close();
      throw translateSqliteError(error);
    }
    this.connection = db;
    this.key = key;
    this.openedReadOnly = true;
    this.openNotices = notices;
  }

  /**
   * Lends the database key to synchronous work that must open a copy of the database (a backup
   * verifies its copy with it). The key is wiped on lock, so `use` must not keep it.
   */
  withDatabaseKey<T>(use: (key: Buffer) => T): T {
    if (!this.connection || !this.key) throw new JournalError('LOCKED');
    return use(this.key);
  }

  /** Closes the database and wipes the key; every later call gets LOCKED until unlocked again. */
  lock(): void {
    if (this.connection) {
      try {
        if (!this.openedReadOnly) flushSearchIndex(this.connection);
      } catch {
        // The pending edits stay noted in the journal and are indexed on the next open.
      }
      try {
        this.connection.close();
      } finally {
        this.connection = null;
        this.openedReadOnly = false;
        this.openNotices = [];
      }
    }
    if (this.key) {
      this.key.fill(0);
      this.key = null;
    }
  }

  /**
   * Puts a backup in the place of this journal, keeping the files it replaces in a
   * `replaced-<time>` folder beside them (see restore-in-place.ts). Only for a journal that is
   * not open for writing: a damaged one, one whose keyring is lost, or one open read-only.
   */
  async restoreFromBackup(backupFile: string, passphrase: string) {
    if (this.connection && !this.openedReadOnly) {
      throw new JournalError(
        'INVALID_INPUT',
        'This journal opens normally, so nothing was replaced. To bring back an older copy, restore the backup into a new folder or import it.',
      );
    }
    this.lock();
    return restoreIntoJournalFolder(this.dir, backupFile, passphrase);
  }

  /** Rewrites only keyring.json (atomically): the database and its key are untouched. */
  async changePassphrase(
    current: string,
    next: string,
    progress: ProgressFn = noProgress,
  ): Promise<void> {
    assertAcceptablePassphrase(next);
    const keyring = readKeyring(this.dir);
    progress(null, 'Checking your current passphrase');
    const key = await unlockSlot(keyring, 'passphrase', passphraseBytes(current));
    if (!key) throw new JournalError('WRONG_PASSPHRASE', 'Your current passphrase was not right.');
    progress(null, 'Protecting the journal with the new passphrase');
    writeKeyring(
      this.dir,
      await replaceSlot(keyring, 'passphrase', passphraseBytes(next), key, this.kdf),
    );
    key.fill(0);
  }

  /** Replaces the recovery slot; the old code stops working. */
  async regenerateRecoveryCode(passphrase: string): Promise<string> {
    const key = await this.confirmPassphrase(passphrase);
    const code = generateRecoveryCode();
    writeKeyring(
      this.dir,
      await replaceSlot(
        readKeyring(this.dir),
        'recovery',
        Buffer.from(code, 'utf8'),
        key,
        this.kdf,
      ),
    );
    key.fill(0);
    return code;
  }

  /** The database key as 64 hex digits, for the stock SQLCipher shell. Asks for the passphrase again. */
  async rawKey(passphrase: string): Promise<string> {
    const key = await this.confirmPassphrase(passphrase);
    const hex = key.toString('hex');
    key.fill(0);
    return hex;
  }

  private async confirmPassphrase(passphrase: string): Promise<Buffer> {
    if (!this.connection) throw new JournalError('LOCKED');
    const key = await unlockSlot(readKeyring(this.dir), 'passphrase', passphraseBytes(passphrase));
    if (!key) throw new JournalError('WRONG_PASSPHRASE');
    return key;
  }
}
