import type { Token } from './tokens';

/**
 * A cheap guard against suggesting themes for text in another language. The vocabulary is
 * English; a French or Spanish entry can still brush against it through cognates ("control",
 * "distance", "isolation"), so an entry whose function words are mostly French, Spanish,
 * German, Italian, Portuguese or Dutch gets no suggestions at all.
 */

const ENGLISH = new Set(
  (
    'the and i to of my was it in that is for with but not have be you he she they we ' +
    'this at on so her him them just what when would could did do had been am are an ' +
    'about from there their our your if then because really all out up some like'
  ).split(' '),
);

const FOREIGN = new Set(
  // French
  (
    'le les et je des une est pas qui mais pour avec mon mes nous vous dans sur elle il ' +
    'ce cette suis ai très aussi du au aux ne ça moi été avais était ' +
    // Spanish
    'el los las y yo del pero por para con mis muy lo su al esta estoy fue mi hoy ' +
    'cuando como porque nada sin sus ayer tengo quería ' +
    // German
    'der das und ich nicht ist ein eine mit mein meine zu auf aber sie wir habe hat war ' +
    'sehr auch dass nach mich mir dem den heute wieder noch nur wollte ' +
    // Italian
    'il che di non sono ho della anche molto questo perché oggi mia mio gli sempre ' +
    // Portuguese
    'não eu uma com muito minha meu mas ela foi hoje estou também você ' +
    // Dutch (not "die", "is", "van" or "had": they are English words too)
    'het een niet ik maar mijn ook heb zijn vandaag naar voor nog wel heel'
  ).split(' '),
);

/** True when the text reads as another language rather than English. */
export function looksForeign(tokens: readonly Token[]): boolean {
  let english = 0;
  let foreign = 0;
  for (const token of tokens) {
    if (ENGLISH.has(token.word)) english += 1;
    else if (FOREIGN.has(token.word)) foreign += 1;
  }
  return foreign >= 2 && foreign > english;
}
