import { AUTO_LOCK_CHOICES, type AutoLockMinutes } from '../../../shared/settings';

const LABELS: Record<AutoLockMinutes, string> = {
  1: '1 minute',
  5: '5 minutes',
  15: '15 minutes',
  30: '30 minutes',
  60: '1 hour',
  0: 'Never',
};

/** The choices in the order the select shows them, each with its plain label. */
export const AUTO_LOCK_OPTIONS = AUTO_LOCK_CHOICES.map((minutes) => ({
  minutes,
  label: LABELS[minutes],
}));

export function parseAutoLock(value: string): AutoLockMinutes | null {
  return AUTO_LOCK_CHOICES.find((minutes) => String(minutes) === value) ?? null;
}

/** What the saved choice means, said once it is saved. */
export function describeAutoLock(minutes: AutoLockMinutes): string {
  if (minutes === 0) {
    return 'Saved. Lean On no longer locks on a timer; it still locks when the computer sleeps.';
  }
  return `Saved. Lean On locks after ${LABELS[minutes]} without use.`;
}
