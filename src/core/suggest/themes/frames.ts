/**
 * Word families shared by several themes' concept frames. Each is one pattern slot
 * ("a|b|c*"), so a frame reads as act × object: `ask* ~3 ${SOMEONE} ~2 to ~2 ${MORE_FAVOURS}`.
 */

/** Things people ask someone else to do for them. */
export const FAVOURS =
  'take|watch|pick|cover|lend|mind|look|drive|come|carry|help|handle|check|sit|collect|babysit*|feed|walk|bring|do|fetch|proofread|read|review';

/** More favours, for frames whose other slot is specific enough to carry them. */
export const MORE_FAVOURS = `${FAVOURS}|set|fix|sort|hold|keep|stay|move|explain|show|teach|water|jump*|give|find|book|clean|cook|pay|share|split|drop|lift|deal|talk|go|cover|spare`;

/** A person other than the writer, as an object ("asked her", "got my sister"). */
export const SOMEONE =
  'someone|somebody|anyone|anybody|him|her|them|my|our|his|the|a|mum|mom|dad|sister|brother|friend|neighbour|neighbor|partner|husband|wife|son|daughter|mate|colleague|boss|manager|team';

/** Holding back from asking. */
export const IMPOSE = 'bother|burden|impose|trouble|put|inconvenienc*|pester|nag';

/** Times people protect. */
export const TIME_OF_MINE =
  'evening*|weekend*|sunday*|saturday*|morning*|night*|lunch*|holiday*|day*|hour*';
/** What a person hides or admits. */
export const HIDDEN_TRUTH =
  'struggl*|scared|afraid|lonely|ashamed|wrong|mistake|debt|depress*|anxi*|fail*|fired|sacked|broke|drowning|suicid*|panic*|diagnos*|addict*|drink*|miscarr*|pregnan*|gay|trans|autis*|adhd|dyslex*';
