import { z } from 'zod';
import { LIMITS, countChars } from './limits';
import { AUTO_LOCK_CHOICES, MAX_AUTOMATIC_BACKUP_KEEP } from './settings';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are written YYYY-MM-DD.')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'That date does not exist.');

const timeZone = z
  .string()
  .min(1)
  .max(100)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown time zone.');

const entryId = z.string().uuid();
const themeId = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Theme ids are lowercase letters, digits and hyphens.');
const passphrase = z.string().max(LIMITS.passphraseMaxChars * 4);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colours are written #RRGGBB.');
const themeSource = z.enum(['manual', 'prompt', 'suggested']);
const title = z
  .string()
  .max(LIMITS.titleMaxChars * 4)
  .refine(
    (value) => countChars(value) <= LIMITS.titleMaxChars,
    `Titles can be at most ${LIMITS.titleMaxChars} characters.`,
  );

const autoLockMinutes = z.union(AUTO_LOCK_CHOICES.map((minutes) => z.literal(minutes)));

/** A full path on this computer (POSIX or Windows); the core never resolves relative ones. */
const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine(
    (value) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value) && !value.includes('\0'),
    'Give the full path of the file or folder.',
  );

const themeKeywords = z
  .array(
    z
      .string()
      .trim()
      .min(1, 'A keyword needs at least one letter.')
      .max(
        LIMITS.themeKeywordMaxChars,
        `Keywords can be at most ${LIMITS.themeKeywordMaxChars} characters.`,
      ),
  )
  .max(LIMITS.themeKeywordsMax, `A theme can have at most ${LIMITS.themeKeywordsMax} keywords.`);

export const schemas = {
  empty: z.object({}).strict(),
  updateSettings: z
    .object({
      autoLockMinutes: autoLockMinutes.optional(),
      automaticBackupFolder: absolutePath.nullable().optional(),
      automaticBackupKeep: z
        .number()
        .int()
        .min(1, 'Keep at least one automatic backup.')
        .max(
          MAX_AUTOMATIC_BACKUP_KEEP,
          `Keep at most ${MAX_AUTOMATIC_BACKUP_KEEP} automatic backups.`,
        )
        .optional(),
    })
    .strict(),
  previewImport: z
    .object({
      path: absolutePath,
      /** A Lean On backup opens only with the passphrase its journal had when it was made. */
      backupPassphrase: passphrase.optional(),
      format: z.enum(['day-one', 'jrnl', 'mini-diary', 'markdown', 'lean-on-backup']).optional(),
    })
    .strict(),
  applyImport: z.object({ previewId: z.string().max(100), createThemes: z.boolean() }).strict(),
  exportJournal: z
    .object({
      format: z.enum(['markdown', 'json', 'html']),
      out: absolutePath,
      container: z.enum(['folder', 'zip']).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      themeId: z.string().max(200).optional(),
    })
    .strict(),
  createBackup: z.object({ out: absolutePath }).strict(),
  suggestThemes: z
    .object({
      /** The entry's plain text as it stands in the editor. */
      text: z.string().max(LIMITS.docMaxBytes),
      /** Leaves out the themes the entry has and the suggestions dismissed on it. */
      entryId: z.string().max(100).optional(),
    })
    .strict(),
  getInsights: z
    .object({
      timeZone,
      bucket: z.enum(['week', 'month']),
      from: isoDate.optional(),
      to: isoDate.optional(),
    })
    .strict(),
  getOnThisDay: z
    .object({ today: isoDate, limit: z.number().int().min(1).max(200).optional() })
    .strict(),
  dismissSuggestion: z
    .object({ entryId: z.string().max(100), themeId: z.string().max(200) })
    .strict(),
  createJournal: z.object({ passphrase }).strict(),
  unlock: z
    .object({
      passphrase,
      /** Opens a damaged journal without writing a byte, so that what can be read can be exported. */
      readOnly: z.boolean().optional(),
    })
    .strict(),
  restoreFromBackup: z
    .object({
      path: absolutePath,
      /** The passphrase the journal had when the backup was made. */
      passphrase,
    })
    .strict(),
  unlockWithRecoveryCode: z
    .object({ recoveryCode: z.string().max(200), newPassphrase: passphrase })
    .strict(),
  changePassphrase: z.object({ currentPassphrase: passphrase, newPassphrase: passphrase }).strict(),
  confirmPassphrase: z.object({ passphrase }).strict(),
  createEntry: z
    .object({
      id: entryId.optional(),
      title: title.default(''),
      doc: z.unknown(),
      entryDate: isoDate.optional(),
      timeZone,
      promptId: z.string().max(200).nullable().optional(),
      starred: z.boolean().default(false),
      themes: z
        .array(z.object({ id: themeId, source: themeSource }).strict())
        .max(200)
        .default([]),
    })
    .strict(),
  updateEntry: z
    .object({
      id: entryId,
      baseVersion: z.number().int().positive(),
      timeZone,
      title: title.optional(),
      doc: z.unknown().optional(),
      entryDate: isoDate.optional(),
      starred: z.boolean().optional(),
    })
    .strict(),
  entryRef: z.object({ id: entryId }).strict(),
  setEntryTheme: z
    .object({ id: entryId, themeId, source: themeSource.default('manual'), on: z.boolean() })
    .strict(),
  listEntries: z
    .object({
      themes: z.array(themeId).max(200).default([]),
      themeMode: z.enum(['any', 'all']).default('any'),
      from: isoDate.optional(),
      to: isoDate.optional(),
      starred: z.boolean().optional(),
      trash: z.boolean().default(false),
      limit: z.number().int().min(1).max(LIMITS.pageMax).default(LIMITS.pageDefault),
      cursor: z.string().max(500).nullable().optional(),
    })
    .strict(),
  search: z
    .object({
      query: z.string().max(LIMITS.searchQueryMaxChars * 4),
      themes: z.array(themeId).max(200).default([]),
      themeMode: z.enum(['any', 'all']).default('any'),
      prefixLast: z.boolean().default(false),
      limit: z.number().int().min(1).max(LIMITS.pageMax).default(LIMITS.pageDefault),
      offset: z.number().int().min(0).max(1_000_000).default(0),
    })
    .strict(),
  createTheme: z
    .object({
      label: z.string().max(LIMITS.themeLabelMaxChars * 4),
      color: color.optional(),
      keywords: themeKeywords.optional(),
    })
    .strict(),
  updateTheme: z
    .object({
      id: themeId,
      label: z
        .string()
        .max(LIMITS.themeLabelMaxChars * 4)
        .optional(),
      color: color.optional(),
      keywords: themeKeywords.optional(),
    })
    .strict(),
  mergeThemes: z.object({ from: themeId, into: themeId }).strict(),
  themeRef: z.object({ id: themeId }).strict(),
  listPrompts: z.object({ themeId: themeId.optional() }).strict(),
  dailyPrompt: z.object({ date: isoDate }).strict(),
} as const;

export type Schemas = typeof schemas;
export type InputOf<K extends keyof Schemas> = z.input<Schemas[K]>;
export type ParsedOf<K extends keyof Schemas> = z.output<Schemas[K]>;
