/** Minutes without activity before the journal locks itself; 0 means never. */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 0] as const;
export type AutoLockMinutes = (typeof AUTO_LOCK_CHOICES)[number];

/** How many automatic backups are kept unless the person chooses otherwise. */
export const DEFAULT_AUTOMATIC_BACKUP_KEEP = 14;
export const MAX_AUTOMATIC_BACKUP_KEEP = 365;

/** The person's choices for this journal, kept inside the encrypted file. */
export interface JournalSettings {
  autoLockMinutes: AutoLockMinutes;
  /** Where a verified backup is made on the first unlock of each day; null: not made. */
  automaticBackupFolder: string | null;
  /** How many of this journal's automatic backups to keep in that folder, newest first. */
  automaticBackupKeep: number;
}

export const DEFAULT_SETTINGS: JournalSettings = {
  autoLockMinutes: 5,
  automaticBackupFolder: null,
  automaticBackupKeep: DEFAULT_AUTOMATIC_BACKUP_KEEP,
};
