/**
 * Cue weights and the shape of a theme's cue table. STRONG cues are enough on their own,
 * MEDIUM cues need a second cue, WEAK cues only tip a theme that already has support. The
 * pattern language is described in patterns.ts.
 */
export const STRONG = 1;
export const MEDIUM = 0.5;
export const WEAK = 0.15;

export type CueTable = ReadonlyArray<readonly [weight: number, patterns: readonly string[]]>;
