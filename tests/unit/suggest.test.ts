import { describe, expect, it } from 'vitest';
import builtInThemes from '../../resources/themes.json';
import {
  BUILT_IN_THEME_IDS,
  MAX_ANALYSED_CHARS,
  MAX_WHY,
  analyse,
  suggestThemes,
  type ThemeSuggestion,
} from '../../src/core/suggest';
import {
  LIKELIEST_MIN_WORDS,
  MODEL,
  WEIGHT_ENCODING,
  CALIBRATION_SIZE,
  calibrate,
  chooseThemes,
  decodeWeights,
  encodeWeights,
} from '../../src/core/suggest/model';
import fitted from '../../src/core/suggest/model-weights.json';
import { stem, tokenize } from '../../src/core/suggest/tokens';
import {
  EARLIER_HELD_OUT_FILES,
  HELD_OUT_FILE,
  TRAINING_FILES,
  loadLabelled,
  loadTraining,
  trainingFingerprint,
} from '../../scripts/eval/theme-data';

const ids = (suggestions: ThemeSuggestion[]): string[] => suggestions.map((s) => s.themeId);

describe('theme ids', () => {
  it('suggests exactly the built-in theme ids the journal ships', () => {
    expect([...BUILT_IN_THEME_IDS]).toEqual(builtInThemes.map((theme) => theme.id));
  });
});

describe('tokenizing', () => {
  it('folds inflections of a word to one stem', () => {
    const forms = ['ask', 'asks', 'asked', 'asking'].map(stem);
    expect(new Set(forms).size).toBe(1);
    expect(stem('boundaries')).toBe(stem('boundary'));
    expect(stem('mornings')).toBe(stem('morning'));
    expect(stem('had')).toBe(stem('have'));
    expect(stem('told')).toBe(stem('tells'));
  });

  it('expands contractions, curly apostrophes included, and keeps each word’s span', () => {
    const text = 'I didn’t ask; I’d rather not. Won’t.';
    const tokens = tokenize(text);
    expect(tokens.map((token) => token.word)).toEqual([
      'i',
      'did',
      'not',
      'ask',
      'i',
      'would',
      'rather',
      'not',
      'will',
      'not',
    ]);
    expect(text.slice(tokens[2]!.start, tokens[2]!.end)).toBe('didn’t');
    expect(tokens[8]!.sentence).toBeGreaterThan(tokens[7]!.sentence);
  });
});

describe('suggestThemes', () => {
  it('still reads negated sentences as being about the theme', () => {
    expect(ids(suggestThemes("I didn't ask for help."))).toEqual(['asking-for-help']);
    expect(ids(suggestThemes('I never asked anyone for help, not once.'))).toEqual([
      'asking-for-help',
    ]);
    expect(ids(suggestThemes('No boundaries at all.'))).toEqual(['boundaries']);
    expect(ids(suggestThemes('no boundaries'))).toEqual(['boundaries']);
    expect(ids(suggestThemes("I don't trust him with the spare key."))).toEqual(['trust']);
  });

  it('handles inflections of the same cue', () => {
    for (const text of [
      'I asked my sister for help.',
      'I am asking my sister for help.',
      'I ask my sister for help every week.',
      'Asked my sister for help.',
    ]) {
      expect(ids(suggestThemes(text)), text).toEqual(['asking-for-help']);
    }
    expect(ids(suggestThemes('I said no to the extra shift.'))).toEqual(['boundaries']);
    expect(ids(suggestThemes('Saying no to the extra shift was hard.'))).toEqual(['boundaries']);
  });

  it('handles contractions', () => {
    expect(ids(suggestThemes("I couldn't bring myself to ask."))[0]).toBe('asking-for-help');
    expect(ids(suggestThemes("I'd rather do it all myself."))).toEqual(['self-reliance']);
    expect(
      ids(suggestThemes('I didn’t want to be a burden on anyone, so I managed alone.')),
    ).toEqual(['self-reliance']);
    // A curly apostrophe, a straight one and the words written out read the same.
    const forms = ['I didn’t', "I didn't", 'I did not'].map((start) =>
      suggestThemes(`${start} want to be a burden on anyone, so I managed alone.`),
    );
    expect(forms[1]).toEqual(forms[0]);
    expect(forms[2]!.map(({ themeId, score }) => ({ themeId, score }))).toEqual(
      forms[0]!.map(({ themeId, score }) => ({ themeId, score })),
    );
  });

  it('catches first-person narrative that never names the theme', () => {
    const text = 'I drafted a text to my brother asking him to take the kids, then deleted it.';
    const [first, ...rest] = suggestThemes(text);
    expect(first?.themeId).toBe('asking-for-help');
    expect(rest).toEqual([]);
    expect(first?.why.some((phrase) => phrase.includes('deleted'))).toBe(true);
  });

  it('suggests several themes for an entry that touches several, best first', () => {
    const suggestions = suggestThemes(
      'I felt so lonely at the party, nobody there really knows me and I miss having friends. ' +
        'When Jen offered to drive me home I said no thanks, I can manage.',
    );
    expect(ids(suggestions).sort()).toEqual(['connection', 'receiving', 'self-reliance']);
    const scores = suggestions.map((suggestion) => suggestion.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('returns nothing for empty or blank text', () => {
    expect(suggestThemes('')).toEqual([]);
    expect(suggestThemes('   \n\t  \n')).toEqual([]);
    expect(suggestThemes('...!?')).toEqual([]);
  });

  it('reads only the start of a huge entry', () => {
    const filler = 'The rain kept on all afternoon and the kettle boiled twice. '.repeat(180_000);
    expect(filler.length).toBeGreaterThan(10_000_000);
    expect(suggestThemes(filler)).toEqual([]);
    const early = `I asked my sister for help with the kids. ${filler}`;
    expect(ids(suggestThemes(early))).toEqual(['asking-for-help']);
    const late = `${filler.slice(0, MAX_ANALYSED_CHARS)} I asked my sister for help.`;
    expect(suggestThemes(late)).toEqual([]);
  });

  it('suggests no themes for French, Spanish or German entries', () => {
    for (const text of [
      "Aujourd'hui j'ai demandé de l'aide à ma sœur. L'isolation est difficile et je me sens vulnérable.",
      'Hoy le pedí ayuda a mi hermano. Me siento vulnerable pero no tengo que controlar todo.',
      'Heute habe ich meine Freundin um Hilfe gebeten. Ich will nicht immer alles allein machen und die Kontrolle haben.',
      'Control total, distance, solitude : c’est comme ça que je vis depuis des années.',
    ]) {
      expect(suggestThemes(text), text).toEqual([]);
    }
  });

  it('reads requests built from a concept frame, and not requests made of the writer', () => {
    for (const text of [
      'Got my sister to take the kids for the weekend so I could sleep.',
      'I should have asked someone to hold the ladder.',
    ]) {
      expect(ids(suggestThemes(text)), text).toContain('asking-for-help');
    }
    // A short entry: the model alone is unsure of asking for help (0.38), and the strong cue of
    // "lend me" lets it in. (It leans trust here, 0.57 once calibrated, on "see if he could": a
    // known miss, written up in tests/data/theme-eval/README.md, round 14.)
    const van = suggestThemes(
      'Messaged Tom to see if he could lend me his van, then deleted it.',
    ).find((suggestion) => suggestion.themeId === 'asking-for-help');
    expect(van?.why.join(' ')).toMatch(/lend me/);
    expect(suggestThemes('My son asked me to help him with his science project.')).toEqual([]);
  });

  it('ignores trigger words used in another sense', () => {
    for (const text of [
      'I opened the help menu and searched for export.',
      'Grandpa set up a trust fund for each grandchild.',
      'The surveyor marked the property boundaries for the new fence.',
      'At the restaurant I asked the waiter for the bill.',
      'The security team found a vulnerability in the logging library.',
      'My credit card was declined at the supermarket.',
      'I couldn’t help laughing at the dog.',
    ]) {
      expect(suggestThemes(text), text).toEqual([]);
    }
  });

  it('matches user themes by name and by keywords, with inflections', () => {
    const userThemes = [
      { id: 'grief-loss', label: 'Grief & loss', keywords: ['funeral', 'miss Mum'] },
      { id: 'running', label: 'Running' },
    ];
    expect(ids(suggestThemes('Grief and loss sat with me all day.', { userThemes }))).toEqual([
      'grief-loss',
    ]);
    expect(ids(suggestThemes('The funerals were hard.', { userThemes }))).toEqual(['grief-loss']);
    expect(ids(suggestThemes("I'm missing Mum on Sundays.", { userThemes }))).toEqual([
      'grief-loss',
    ]);
    expect(ids(suggestThemes('I ran 5k before work.', { userThemes }))).toEqual(['running']);
    expect(ids(suggestThemes('Running club tonight.', { userThemes }))).toEqual(['running']);
    expect(ids(suggestThemes('Nothing much happened today.', { userThemes }))).toEqual([]);
  });

  it('respects limit and minScore', () => {
    const text =
      'I felt so lonely at the party, nobody there really knows me and I miss having friends. ' +
      'When Jen offered to drive me home I said no thanks, I can manage.';
    // By default the themes whose probability reaches MODEL.threshold are offered.
    expect(ids(suggestThemes(text)).sort()).toEqual(['connection', 'receiving', 'self-reliance']);
    expect(ids(suggestThemes(text, { minScore: 0.9 })).sort()).toEqual(['connection', 'receiving']);
    expect(suggestThemes(text, { limit: 1 })).toHaveLength(1);
    expect(suggestThemes(text, { limit: 0 })).toEqual([]);
    expect(suggestThemes(text, { minScore: 1.01 })).toEqual([]);
  });

  it('offers the likeliest theme of a longer entry from a lower probability', () => {
    const text =
      'Tom asked at lunch if I was all right. I nearly told him, then talked about his holiday ' +
      'plans until the bell went. The bus was late and it rained.';
    // No theme reaches MODEL.threshold, but the likeliest clears MODEL.likeliestThreshold.
    const [only, ...rest] = suggestThemes(text);
    expect(only?.themeId).toBe('vulnerability');
    expect(rest).toEqual([]);
    expect(only!.score).toBeGreaterThanOrEqual(MODEL.likeliestThreshold);
    expect(only!.score).toBeLessThan(MODEL.threshold);
    expect(only!.why).toContain('I nearly told him');
    // A caller's minScore is one bar for every theme.
    expect(suggestThemes(text, { minScore: MODEL.threshold })).toEqual([]);
  });

  it('chooses themes by the threshold, and the likeliest from the lower bar only in longer entries', () => {
    const p = new Map([
      ['trust', 0.3],
      ['boundaries', 0.3],
      ['receiving', 0.1],
    ]);
    expect([...chooseThemes(p, LIKELIEST_MIN_WORDS - 1, 0.5, 0.25)]).toEqual([]);
    // Ties go to the earlier theme.
    expect([...chooseThemes(p, LIKELIEST_MIN_WORDS, 0.5, 0.25)]).toEqual(['trust']);
    expect([...chooseThemes(p, 500, 0.5, 0.35)]).toEqual([]);
    expect([...chooseThemes(p, 5, 0.3, 0.3)].sort()).toEqual(['boundaries', 'trust']);
    const strong = new Map([
      ['trust', 0.9],
      ['boundaries', 0.6],
      ['receiving', 0.4],
    ]);
    expect([...chooseThemes(strong, 500, 0.5, 0.25)].sort()).toEqual(['boundaries', 'trust']);
    expect([...chooseThemes(new Map<string, number>(), 500, 0.5, 0.25)]).toEqual([]);
  });

  it('calibrates log-odds, with the bonus going to the likeliest theme alone', () => {
    const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
    // [a, b, g] per theme: identity for the first, a shift and slope for the second, and a
    // likeliest bonus for the third.
    const calibration = [0, 1, 0, 0.5, 0.8, 0, -0.2, 1, 1.5];
    expect(calibration).toHaveLength(3 * CALIBRATION_SIZE);
    const [first, second, third] = calibrate([-1, 0.5, 2], calibration);
    expect(first).toBeCloseTo(sigmoid(-1), 12);
    expect(second).toBeCloseTo(sigmoid(0.5 + 0.8 * 0.5), 12);
    expect(third).toBeCloseTo(sigmoid(-0.2 + 2 + 1.5), 12);
    // Not the likeliest: no bonus. Tied for likeliest: the earlier theme gets it.
    expect(calibrate([3, 0.5, 2], calibration)[2]).toBeCloseTo(sigmoid(-0.2 + 2), 12);
    const tied = calibrate([2, 0, 2], calibration);
    expect(tied[2]).toBeCloseTo(sigmoid(-0.2 + 2), 12);
    // The shipped model has a calibration for every theme, and it keeps order: a theme's
    // probability never falls as its log-odds rise.
    expect(MODEL.calibration).toHaveLength(BUILT_IN_THEME_IDS.length * CALIBRATION_SIZE);
    for (let t = 0; t < BUILT_IN_THEME_IDS.length; t += 1) {
      expect(MODEL.calibration[t * CALIBRATION_SIZE + 1]).toBeGreaterThan(0);
    }
  });

  it('lets a strongly cued theme of a short entry in from the lower bar, and only there', () => {
    const p = new Map([
      ['trust', 0.4],
      ['boundaries', 0.3],
      ['receiving', 0.1],
    ]);
    const cued = new Set(['boundaries', 'receiving']);
    const short = LIKELIEST_MIN_WORDS - 1;
    // Short: every cued theme over the lower bar, not the uncued likeliest one.
    expect([...chooseThemes(p, short, 0.5, 0.25, cued)]).toEqual(['boundaries']);
    expect([...chooseThemes(p, short, 0.5, 0.35, cued)]).toEqual([]);
    // Longer: the likeliest theme's second chance applies instead; a cue adds nothing.
    expect([...chooseThemes(p, LIKELIEST_MIN_WORDS, 0.5, 0.25, cued)]).toEqual(['trust']);
    // In the app: a strong cue in a few words is enough from the lower bar, and without one a
    // short entry needs the full threshold. Each text's probability is checked to lie between
    // the two bars first, so the rule, not the threshold, is what decides.
    const between = (text: string, themeId: string) => {
      const score = suggestThemes(text, { minScore: 0 }).find((s) => s.themeId === themeId)?.score;
      expect(score, text).toBeGreaterThanOrEqual(MODEL.likeliestThreshold);
      expect(score, text).toBeLessThan(MODEL.threshold);
    };
    between('Let the neighbour help me.', 'receiving');
    expect(ids(suggestThemes('Let the neighbour help me.'))).toEqual(['receiving']);
    between('Cried a bit.', 'vulnerability');
    expect(suggestThemes('Cried a bit.')).toEqual([]);
  });

  it('is deterministic', () => {
    for (const entry of loadLabelled('dev.jsonl').slice(0, 40)) {
      expect(suggestThemes(entry.text)).toEqual(suggestThemes(entry.text));
    }
  });

  it('quotes why-phrases verbatim from the text, deduplicated and few', () => {
    let checked = 0;
    let byModelAlone = 0;
    for (const entry of loadTraining()) {
      const cued = new Set(analyse(entry.text)?.evidence.keys() ?? []);
      for (const suggestion of suggestThemes(entry.text)) {
        if (!cued.has(suggestion.themeId)) byModelAlone += 1;
        expect(suggestion.score).toBeGreaterThan(0);
        expect(suggestion.score).toBeLessThanOrEqual(1);
        expect(Math.round(suggestion.score * 100) / 100).toBe(suggestion.score);
        expect(suggestion.why.length).toBeGreaterThan(0);
        expect(suggestion.why.length).toBeLessThanOrEqual(MAX_WHY);
        const folded = suggestion.why.map((phrase) => phrase.toLowerCase());
        expect(new Set(folded).size).toBe(folded.length);
        for (const phrase of suggestion.why) expect(entry.text).toContain(phrase);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
    // Themes no cue found are explained by the words the model leaned on, quoted in place.
    expect(byModelAlone).toBeGreaterThan(0);
    // Every labelled entry, about 47,000: 20 s on a quiet machine, three times that on a busy one.
  }, 180_000);
});

describe('the labelled evaluation set', () => {
  it('is large and varied enough to mean something', () => {
    const training = loadTraining();
    const heldOut = loadLabelled(HELD_OUT_FILE);
    expect(training.length).toBeGreaterThanOrEqual(1000);
    expect(heldOut.length).toBeGreaterThanOrEqual(100);
    const known = new Set<string>(BUILT_IN_THEME_IDS);
    const all = [...training, ...heldOut, ...EARLIER_HELD_OUT_FILES.flatMap(loadLabelled)];
    expect(new Set(all.map((entry) => entry.id)).size).toBe(all.length);
    for (const entry of all) for (const id of entry.themes) expect(known.has(id), id).toBe(true);
    for (const id of BUILT_IN_THEME_IDS) {
      expect(training.filter((entry) => entry.themes.includes(id)).length, id).toBeGreaterThan(100);
      expect(heldOut.filter((entry) => entry.themes.includes(id)).length, id).toBeGreaterThan(10);
    }
    expect(training.filter((entry) => entry.themes.length === 0).length).toBeGreaterThan(100);
    expect(training.filter((entry) => entry.themes.length > 1).length).toBeGreaterThan(200);
    expect(heldOut.filter((entry) => entry.themes.length === 0).length).toBeGreaterThan(15);
  });

  it('is what the shipped model was fitted on, and the model never saw the held-out entries', () => {
    expect(fitted.trainingFingerprint, 'run npm run fit:themes after changing the data').toBe(
      trainingFingerprint(),
    );
    expect(fitted.trainingFiles).toEqual([...TRAINING_FILES]);
    for (const file of [HELD_OUT_FILE, ...EARLIER_HELD_OUT_FILES]) {
      expect(fitted.trainingFiles).not.toContain(file);
    }
    expect(MODEL.threshold).toBeGreaterThan(0);
    expect(MODEL.threshold).toBeLessThan(1);
    expect(MODEL.likeliestThreshold).toBeGreaterThan(0);
    expect(MODEL.likeliestThreshold).toBeLessThanOrEqual(MODEL.threshold);
  });

  it('packs weights in thousandths and reads back exactly what the fitting wrote', () => {
    const weights = [0, 0.001, -0.001, 1.234, -4.453, 32.767, -32.768, 0.0004, 2.0006];
    expect([...decodeWeights(encodeWeights(weights))]).toEqual([
      0, 0.001, -0.001, 1.234, -4.453, 32.767, -32.768, 0, 2.001,
    ]);
    expect(() => encodeWeights([32.768])).toThrow(RangeError);
    expect(() => encodeWeights([-40])).toThrow(RangeError);
    expect(fitted.weightEncoding).toBe(WEIGHT_ENCODING);
    // Every theme's row decodes to one weight per feature, and the model is not all zeros. (The
    // feature list is typed by hand: at round 13's 136,458 features the linter's type service
    // stopped inferring the imported JSON's array type, though tsc still does.)
    const features: readonly string[] = fitted.features as readonly string[];
    expect(MODEL.weights.length).toBe(features.length * BUILT_IN_THEME_IDS.length);
    expect(MODEL.weights.filter((weight) => weight !== 0).length).toBeGreaterThan(features.length);
  });
});
