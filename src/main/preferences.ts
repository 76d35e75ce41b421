import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../core/atomic-file';

/**
 * What must be known before the journal is unlocked, kept in a small unencrypted file beside
 * (never inside) the journal: where the window was, and which journal was open last. Nothing
 * here says anything about what is written in the journal.
 */
export interface AppPreferences {
  window?: { x: number; y: number; width: number; height: number; maximized: boolean };
  lastJournalDir?: string;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const finite = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** The stored preferences; a missing or damaged file reads as none (they are only comfort). */
export function readPreferences(file: string): AppPreferences {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const { window, lastJournalDir } = raw as Record<string, unknown>;
  const prefs: AppPreferences = {};
  if (typeof lastJournalDir === 'string' && lastJournalDir.length > 0)
    prefs.lastJournalDir = lastJournalDir;
  if (typeof window === 'object' && window !== null) {
    const { x, y, width, height, maximized } = window as Record<string, unknown>;
    if (finite(x) && finite(y) && finite(width) && finite(height) && width > 0 && height > 0)
      prefs.window = { x, y, width, height, maximized: maximized === true };
  }
  return prefs;
}

export function writePreferences(file: string, prefs: AppPreferences): void {
  writeFileAtomic(file, `${JSON.stringify(prefs, null, 2)}\n`);
}

/**
 * The saved bounds if enough of the window (a 100 × 60 corner of its title bar) would land on
 * one of today's displays; otherwise none, and the window opens centred. A monitor unplugged
 * since last time must not leave the journal off-screen.
 */
export function visibleBounds(
  saved: Rect | undefined,
  workAreas: readonly Rect[],
): Rect | undefined {
  if (!saved) return undefined;
  const grip = { x: saved.x, y: saved.y, width: Math.min(100, saved.width), height: 60 };
  const area = workAreas.find(
    (candidate) =>
      grip.x >= candidate.x &&
      grip.y >= candidate.y &&
      grip.x + grip.width <= candidate.x + candidate.width &&
      grip.y + grip.height <= candidate.y + candidate.height,
  );
  if (!area) return undefined;
  return {
    ...saved,
    width: Math.min(saved.width, area.width),
    height: Math.min(saved.height, area.height),
  };
}
