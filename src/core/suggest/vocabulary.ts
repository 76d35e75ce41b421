/**
 * The suggester's vocabulary: one cue table per built-in theme (themes/*.ts), written from the
 * reflection guide as concept frames (an act × what it acts on, with synonym families), plus
 * veto phrases that take trigger words used in another sense out of play. Weights and the
 * pattern language are described in cue-table.ts and patterns.ts.
 */

import { BUILT_IN_THEME_IDS, type BuiltInThemeId } from '../../shared/built-in-themes';
import { type CueTable } from './cue-table';
import { ASKING_FOR_HELP_CUES } from './themes/asking-for-help';
import { BOUNDARIES_CUES } from './themes/boundaries';
import { CONNECTION_CUES } from './themes/connection';
import { INTERDEPENDENCE_CUES } from './themes/interdependence';
import { RECEIVING_CUES } from './themes/receiving';
import { SELF_RELIANCE_CUES } from './themes/self-reliance';
import { TRUST_CUES } from './themes/trust';
import { VULNERABILITY_CUES } from './themes/vulnerability';

export { BUILT_IN_THEME_IDS, type BuiltInThemeId };
export { MEDIUM, STRONG, WEAK, type CueTable } from './cue-table';

export const CUES: Record<BuiltInThemeId, CueTable> = {
  trust: TRUST_CUES,
  'asking-for-help': ASKING_FOR_HELP_CUES,
  boundaries: BOUNDARIES_CUES,
  vulnerability: VULNERABILITY_CUES,
  receiving: RECEIVING_CUES,
  connection: CONNECTION_CUES,
  'self-reliance': SELF_RELIANCE_CUES,
  interdependence: INTERDEPENDENCE_CUES,
};

/** Phrases that rule out one theme only, where the words may still count for another. */
export const THEME_VETOES: Partial<Record<BuiltInThemeId, readonly string[]>> = {
  // Someone offering the writer a hand is about receiving, not about asking.
  'asking-for-help': [
    'ask* ~3 if|whether ~1 i|we ~2 want*|need*|like',
    'offer* ~4 help|hand',
    'ask* ~2 how ~3 help',
    // Someone asking the writer for something is not the writer asking.
    'ask*|beg* ~1 me|us ~3 to|for|if|whether',
    'ask* ~2 for ~1 volunteer*',
    // "asked if I could help with her spreadsheet": the writer is the one being asked.
    'ask* ~1 if|whether ~1 i|we ~1 could|would|can|might|did ~1 help|give|lend|cover|take',
    'ask* ~5 librarian|assistant|staff|attendant|guard|driver|conductor|mechanic|shopkeeper ~6 for|to|if|whether|about',
  ],
};

/**
 * Phrases that use a trigger word in an unrelated sense. Any cue that lands on a word covered
 * by one of these is ignored: "the help menu", "a trust fund", "the property boundary".
 */
export const VETOES: readonly string[] = [
  'help ~1 menu|desk|page|center|centre|file|section|button|article|doc*|screen|text|line|key',
  'helpdesk|helpline',
  'not ~1 help ~1 but|it|myself|laugh*|think*|feel*|wonder*|notic*|smil*|grin*|hum*',
  'trust ~1 fund|account|deed|company|fee*|law|document*|property|estate|board',
  'national|land|nhs|charitable|family|investment|hospital|health|ambulance|foundation|academy|school|housing|heritage|wildlife ~1 trust',
  'trustee*',
  'trustpilot',
  'trust ~1 fall*|exercise*|game*|score*|rating*',
  'trust ~1 in ~1 institution*|government*|science|media|politic*|democracy|bank*',
  'trust ~2 narrator|data|source|results|numbers|map|satnav|forecast|recipe|brand|review*|caller|link|website|site',
  'property|survey*|county|parish|council|garden|field|plot|city|district|ward ~4 boundar*',
  'boundar* ~3 survey*|dispute|fence|line|wall|marker*|condition*|layer|value*|case*|rope|stone',
  // Cricket: "hit three boundaries in the last over".
  'hit*|scor*|conced*|four|six ~3 boundar*',
  'ask* ~5 for ~3 bill|check|menu|directions|receipt|time|change|password|water|invoice|quote|price',
  'ask* ~5 waiter|waitress|cashier|clerk|barista|receptionist|bartender|pharmacist ~6 for',
  'asked ~2 question*',
  'gift ~1 card|shop|wrap*|voucher|receipt|aid',
  'credit ~1 card|score|union|report|limit|rating|check|line|roll*|hour*|note',
  'receiv* ~3 package|parcel|invoice|email|call|delivery|order|payment|letter|refund|notification|signal|sample*|batch|shipment|goods|text|message*|donation*|grant|fund*',
  'offer* ~1 code|price|letter|sheet',
  'job|special|sale|discount|introductory ~2 offer*',
  'accept* ~3 cookie*|terms|payment*|card*|job|cash|apolog*|pull|merge|change*',
  'connect* ~3 time*|drop*|speed|error|refus*|fail*|lost|reset|flight|train|bus',
  'internet|wifi|wi|network|flight|train|bluetooth|vpn|server|database|broadband|usb|cable|phone|wireless|socket ~2 connect*',
  'connect* ~3 internet|wifi|network|printer|bluetooth|vpn|server|database|tv|speaker|socket|router|charger|laptop|headphone*',
  'remote|quality|climate|pest|birth|ground|air|traffic|mission|version|control ~1 control',
  'control ~1 panel|room|group|centre|center|flow|key|tower|plane|knob|freak',
  'independen* ~1 day|bookshop|bookstore|film|cinema|school|shop|cafe|coffee|pharmacy|label|study|variable|review|audit|living',
  'vulnerab* ~3 patch*|exploit*|scan*|software|server|cve|report*|disclos*|plugin|update',
  'security|software|critical|zero|known ~2 vulnerab*',
  'open ~1 up ~2 the|a|an|app|file|shop|store|laptop|box|tin|jar|window|door|garage|account|spreadsheet|road',
  'open* ~1 up ~1 shop',
  'balance ~1 sheet|transfer|beam|bike|board|exercise*|ball',
  'bank|account|card|remaining|outstanding|credit ~1 balance',
  'balance ~2 account|book*|budget',
  'work|wash|balance ~1 load',
  'load ~2 dishwasher|washing|machine|van|car|truck|page|file|time',
  'share* ~3 price*|link|screen|document|doc|file|folder|drive|photo*|post|holding*|option*|market',
  'mask ~2 tape|layer|filter|wear*',
  'face ~1 mask*',
  'wear* ~2 mask*',
  'say|said ~1 no ~1 one|body|problem|worries|idea|way|need|sign|more|pet*|smok*|dog*|cat*|child*|kid*',
  'no ~1 thank* ~3 menu|cookies|newsletter',
  'line ~1 manager|item|break|edit*|cook',
  'team ~1 meeting|lead|leader|standup|stand|building|offsite|channel|call|calendar|sync',
  'let ~1 down ~2 hem|hair|tyre*|tire*|trouser*|blind*',
  'draft* ~5 report|contract|proposal|budget|spec|policy|agenda|minute*|chapter|essay|slide*|deck|plan|invoice|pull|press|article|beer|horse|excluder|dodger',
  'beer|air|cold ~1 draft*',
  'cover ~1 letter|version|photo|song|charge|band',
  'favour* ~1 food|recipe|dish|colour|color|flavour|flavor|song|film|movie|book',
  'company ~2 car|policy|account|meeting|website|email|party|handbook|name|shares',
  'the ~1 company',
  'my ~1 company',
  'each ~1 other ~3 side|end|wall|way|bank',
  'compliment* ~2 the ~1 chef|dish|wine|flavour*',
  'control ~1 the ~1 heat|temperature|dough|volume',
  'pay ~3 bill|invoice|rent|tax*|fine|parking|deposit|mortgage|fee*',
  'promise* ~4 rain|sun*|weather|forecast|result*|start|beginning|candidate|lead|season',
  'show* ~1 promise',
  'catch ~1 up ~2 on ~3 email*|work|laundry|sleep|show|series|admin|news|emails|paperwork',
  'overwhelm* ~3 aroma|smell|flavour*|flavor*',
  'let ~3 dough|mixture|sauce|stew|cake|batter|bread|it ~3 rest|cool|sit|rise|simmer',
  'lead ~1 pipe*|paint|singer|role|actor|actress|time',
  'ask* ~1 me|us ~4 for|to|if|whether|back',
  'miss* ~2 connection|train|bus|flight',
  'trust ~1 volunteer*|member*|garden*|estate*|property|house|staff',
  'vulnerab* ~8 patch*|exploit*|library|server*|code|bug|app|software|plugin',
  'flag* ~2 vulnerab*',
  'card|payment|transaction ~4 decline*',
  // Saying no to an offer is about receiving care, not a boundary.
  'offer* ~12 >say',
  // Doing something for yourself is care, not going it alone.
  'for >myself',
];
