import { LIMITS, countChars } from '../../../shared/limits';

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface Strength {
  score: StrengthScore;
  /** One or two words, shown next to the meter. */
  label: string;
  /** One plain sentence on what the score means and what would help. */
  explanation: string;
  /** The rough estimate behind the score, in bits. */
  bits: number;
}

/**
 * Guessed first by anyone trying passwords. Matched after undoing common letter swaps
 * (p4ssw0rd), so that the swaps earn nothing.
 */
const COMMON_WORDS = [
  'password',
  'passwort',
  'passphrase',
  'qwerty',
  'azerty',
  'letmein',
  'iloveyou',
  'welcome',
  'admin',
  'login',
  'secret',
  'monkey',
  'dragon',
  'master',
  'shadow',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'superman',
  'trustno',
  'summer',
  'winter',
  'spring',
  'autumn',
  'hello',
  'love',
  'journal',
  'leanon',
];

/** Runs of neighbouring keys or characters count as one guess, not as many. */
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'azertyuiop',
  'qwertzuiop',
];

const UNDO_SWAPS: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

/** How many different characters a guesser must try for each position. */
function poolSize(chars: string[]): number {
  let pool = 0;
  if (chars.some((c) => /[a-z]/.test(c))) pool += 26;
  if (chars.some((c) => /[A-Z]/.test(c))) pool += 26;
  if (chars.some((c) => /[0-9]/.test(c))) pool += 10;
  if (chars.some((c) => /[!-/:-@[-`{-~]/.test(c))) pool += 32;
  // Spaces between words add little: the words carry the strength.
  if (chars.includes(' ')) pool += 1;
  if (chars.some((c) => c > '~')) pool += 100;
  return Math.max(pool, 10);
}

/** Length of the sequence or repeat starting at `start` (1 when there is none). */
function patternLength(lower: string[], start: number): number {
  let repeat = 1;
  while (lower[start + repeat] === lower[start]) repeat += 1;
  let sequence = 1;
  for (const row of SEQUENCES) {
    for (const direction of [1, -1]) {
      let length = 1;
      while (start + length < lower.length) {
        const a = row.indexOf(lower[start + length - 1] ?? '');
        const b = row.indexOf(lower[start + length] ?? '');
        if (a < 0 || b < 0 || b - a !== direction) break;
        length += 1;
      }
      sequence = Math.max(sequence, length);
    }
  }
  const longest = Math.max(repeat, sequence);
  return longest >= 3 ? longest : 1;
}

/** Length of the common word starting at `start` (0 when there is none). */
function commonWordLength(plain: string[], start: number): number {
  let longest = 0;
  for (const word of COMMON_WORDS) {
    if (word.length > longest && plain.slice(start, start + word.length).join('') === word) {
      longest = word.length;
    }
  }
  return longest;
}

/**
 * A deliberately simple estimate: each character is worth log2(pool) bits, except that
 * common words, repeats and keyboard or alphabet runs are worth only a few bits each, and a
 * chunk repeated straight after itself is worth almost nothing the second time.
 */
export function estimateBits(passphrase: string): number {
  const chars = [...passphrase.normalize('NFC')];
  const lower = chars.map((c) => c.toLowerCase());
  const plain = lower.map((c) => UNDO_SWAPS[c] ?? c);
  const perChar = Math.log2(poolSize(chars));
  let bits = 0;
  let i = 0;
  while (i < chars.length) {
    const word = commonWordLength(plain, i);
    if (word > 0) {
      bits += 6;
      i += word;
      continue;
    }
    const pattern = patternLength(lower, i);
    if (pattern > 1) {
      bits += perChar / 2 + 2;
      i += pattern;
      continue;
    }
    const echo = echoLength(lower, i);
    if (echo > 0) {
      bits += 2;
      i += echo;
      continue;
    }
    bits += perChar;
    i += 1;
  }
  return bits;
}

/** Length of a chunk (2+ characters) ending at `start` that repeats from `start` on. */
function echoLength(lower: string[], start: number): number {
  for (let size = Math.min(start, lower.length - start); size >= 2; size -= 1) {
    let same = true;
    for (let k = 0; k < size && same; k += 1) same = lower[start - size + k] === lower[start + k];
    if (same) return size;
  }
  return 0;
}

export function estimateStrength(passphrase: string): Strength {
  const length = countChars(passphrase);
  const bits = Math.round(estimateBits(passphrase));
  if (length < LIMITS.passphraseMinChars) {
    return {
      score: 0,
      label: 'Too short',
      explanation: `Keep going: at least ${LIMITS.passphraseMinChars} characters. Length matters most.`,
      bits,
    };
  }
  if (bits < 40) {
    return {
      score: 1,
      label: 'Weak',
      explanation:
        'Common words and patterns are guessed first. A few unrelated words would be far stronger.',
      bits,
    };
  }
  if (bits < 60) {
    return {
      score: 2,
      label: 'Fair',
      explanation: 'Getting there. Another word or a few more characters would help a lot.',
      bits,
    };
  }
  if (bits < 80) {
    return {
      score: 3,
      label: 'Strong',
      explanation: 'Hard to guess. Its length is what makes it strong.',
      bits,
    };
  }
  return {
    score: 4,
    label: 'Very strong',
    explanation: 'Very hard to guess. Make sure it is one you can remember.',
    bits,
  };
}
