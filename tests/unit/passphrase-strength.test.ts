import { describe, expect, it } from 'vitest';
import { assertAcceptablePassphrase } from '../../src/core/secrets';
import { checkNewPassphrase } from '../../src/renderer/src/lib/passphrase-rules';
import { estimateStrength } from '../../src/renderer/src/lib/passphrase-strength';

describe('passphrase strength meter', () => {
  it('calls anything under 8 characters too short', () => {
    expect(estimateStrength('Zq9!x').score).toBe(0);
    expect(estimateStrength('').label).toBe('Too short');
  });

  it('rates common words, swaps, repeats and keyboard runs as weak', () => {
    for (const weak of [
      'password',
      'p4ssw0rd',
      '12345678',
      'aaaaaaaaaaaa',
      'qwertyuiop',
      'abcabcabcabc',
    ]) {
      expect({ weak, score: estimateStrength(weak).score }).toEqual({ weak, score: 1 });
    }
  });

  it('rates a few unrelated words as strong or better', () => {
    expect(estimateStrength('correct horse battery staple').score).toBeGreaterThanOrEqual(3);
    expect(estimateStrength('lantern orchard whistle cobalt').score).toBeGreaterThanOrEqual(3);
  });

  it('never rates a passphrase lower for adding an unrelated word', () => {
    const base = estimateStrength('quiet harbour morning');
    const longer = estimateStrength('quiet harbour morning velvet');
    expect(longer.score).toBeGreaterThanOrEqual(base.score);
    expect(longer.bits).toBeGreaterThan(base.bits);
  });
});

describe('new passphrase rules in the form', () => {
  it('agree with the core on what is acceptable', () => {
    const candidates = [
      'short',
      '        ',
      '12345678',
      'café au lait',
      'e\u0301e\u0301e\u0301e\u0301',
      'ééééééé',
      '🙂🙂🙂🙂🙂🙂🙂🙂',
      'x'.repeat(1025),
    ];
    for (const candidate of candidates) {
      let coreAccepts = true;
      try {
        assertAcceptablePassphrase(candidate);
      } catch {
        coreAccepts = false;
      }
      expect({ candidate, formAccepts: checkNewPassphrase(candidate, candidate) === null }).toEqual(
        {
          candidate,
          formAccepts: coreAccepts,
        },
      );
    }
  });

  it('points at the confirmation when only it differs, and ignores Unicode normal form', () => {
    expect(checkNewPassphrase('a good passphrase', 'a good passphrasf')?.field).toBe(
      'confirmation',
    );
    expect(checkNewPassphrase('caf\u00e9 au lait ok', 'cafe\u0301 au lait ok')).toBeNull();
  });
});
