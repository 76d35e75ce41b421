/** Minutes without activity before the journal locks itself; 0 means never. */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 0] as const;
export type AutoLockMinutes = (typeof AUTO_LOCK_CHOICES)[number];

/** The person's choices for this journal, kept inside the encrypted file. */
export interface JournalSettings {
  autoLockMinutes: AutoLockMinutes;
}

export const DEFAULT_SETTINGS: JournalSettings = { autoLockMinutes: 5 };
