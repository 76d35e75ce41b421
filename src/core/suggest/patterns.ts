import { stem, type Token } from './tokens';

/**
 * A tiny pattern language for cues. Words are separated by spaces and stemmed like the text,
 * so "asked" in a pattern also matches "asking". Within one slot, "|" separates alternatives;
 * a trailing "*" matches any word starting with that prefix. "~N" between two slots lets up to
 * N other words sit between them (negations included, which is the point: "didn't ask anyone
 * for help" is still about asking for help). A match never crosses a sentence break.
 *
 * A final "$" requires the end of the sentence ("said no." but not "said no pets"). In a veto, a
 * ">" before a slot blocks words from that slot on only, leaving the earlier ones usable.
 *
 *   'ask ~4 for help|hand|favour'   'lone*'   'let|drop|lower ~2 guard'   'say no $'
 */

interface Slot {
  stems: ReadonlySet<string>;
  prefixes: readonly string[];
  /** Words allowed between the previous slot and this one. */
  gapBefore: number;
}

export interface CompiledPattern {
  source: string;
  slots: readonly Slot[];
  /** The pattern only matches at the end of a sentence. */
  atEnd: boolean;
  /** For vetoes: the first slot whose words are blocked. */
  blockFrom: number;
}

export interface PatternMatch {
  /** Token indices of the matched slots, in order. */
  positions: number[];
}

/** Compiles one pattern; throws on a malformed one so vocabulary mistakes fail loudly. */
export function compilePattern(source: string): CompiledPattern {
  const slots: Slot[] = [];
  let gap = 0;
  let atEnd = false;
  let blockFrom = 0;
  for (const raw of source.trim().split(/\s+/)) {
    if (atEnd) throw new Error(`Pattern “${source}” has words after “$”.`);
    if (raw === '$') {
      atEnd = true;
      continue;
    }
    let part = raw;
    if (part.startsWith('>')) {
      blockFrom = slots.length;
      part = part.slice(1);
    }
    const gapMatch = /^~(\d+)$/.exec(part);
    if (gapMatch) {
      if (slots.length === 0) throw new Error(`Pattern “${source}” starts with a gap.`);
      gap = Number(gapMatch[1]);
      continue;
    }
    const stems = new Set<string>();
    const prefixes: string[] = [];
    for (const alternative of part.toLowerCase().split('|')) {
      if (alternative === '') throw new Error(`Pattern “${source}” has an empty alternative.`);
      if (alternative.endsWith('*')) prefixes.push(alternative.slice(0, -1));
      else stems.add(stem(alternative));
    }
    slots.push({ stems, prefixes, gapBefore: gap });
    gap = 0;
  }
  if (slots.length === 0) throw new Error('An empty pattern matches nothing.');
  return { source, slots, atEnd, blockFrom };
}

function slotAccepts(slot: Slot, token: Token): boolean {
  if (slot.stems.has(token.stem)) return true;
  for (const prefix of slot.prefixes) if (token.word.startsWith(prefix)) return true;
  return false;
}

function extend(
  pattern: CompiledPattern,
  tokens: readonly Token[],
  slotIndex: number,
  previous: number,
  positions: number[],
): boolean {
  const slot = pattern.slots[slotIndex];
  const sentence = tokens[previous]!.sentence;
  if (!slot) return !pattern.atEnd || tokens[previous + 1]?.sentence !== sentence;
  const last = Math.min(tokens.length - 1, previous + 1 + slot.gapBefore);
  for (let index = previous + 1; index <= last; index += 1) {
    const token = tokens[index]!;
    if (token.sentence !== sentence) return false;
    if (!slotAccepts(slot, token)) continue;
    positions.push(index);
    if (extend(pattern, tokens, slotIndex + 1, index, positions)) return true;
    positions.pop();
  }
  return false;
}

/** Finds the earliest completion of `pattern` whose first slot sits at `first`. */
export function matchAt(
  pattern: CompiledPattern,
  tokens: readonly Token[],
  first: number,
): PatternMatch | null {
  const start = tokens[first];
  if (!start || !slotAccepts(pattern.slots[0]!, start)) return null;
  const positions = [first];
  return extend(pattern, tokens, 1, first, positions) ? { positions } : null;
}

/**
 * Indexes patterns by what their first slot accepts, so a text is scanned once and each token
 * tries only the patterns that could start on it.
 */
export class PatternIndex<T extends { pattern: CompiledPattern }> {
  private readonly byStem = new Map<string, T[]>();
  private readonly byPrefix: Array<{ prefix: string; item: T }> = [];

  constructor(items: readonly T[]) {
    for (const item of items) {
      const head = item.pattern.slots[0]!;
      for (const value of head.stems) {
        const list = this.byStem.get(value);
        if (list) list.push(item);
        else this.byStem.set(value, [item]);
      }
      for (const prefix of head.prefixes) this.byPrefix.push({ prefix, item });
    }
  }

  private readonly cache = new Map<string, readonly T[]>();

  /**
   * The items whose first slot accepts the token. Answers are remembered per word (a word's
   * stem is fixed), bounded so that a huge paste of unique words cannot grow the cache forever.
   */
  candidates(token: Token): readonly T[] {
    const cached = this.cache.get(token.word);
    if (cached) return cached;
    if (this.cache.size >= 50_000) this.cache.clear();
    const found = [...(this.byStem.get(token.stem) ?? [])];
    for (const { prefix, item } of this.byPrefix) {
      if (token.word.startsWith(prefix) && !found.includes(item)) found.push(item);
    }
    this.cache.set(token.word, found);
    return found;
  }
}

/** A pattern from already-stemmed words, for user keywords that must match literally. */
export function phrasePattern(
  source: string,
  stems: readonly string[],
  gap: number,
): CompiledPattern {
  return {
    source,
    atEnd: false,
    blockFrom: 0,
    slots: stems.map((value, index) => ({
      stems: new Set([value]),
      prefixes: [],
      gapBefore: index === 0 ? 0 : gap,
    })),
  };
}
