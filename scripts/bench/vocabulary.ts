// Word lists for the benchmark corpus, roughly in journal-frequency order (rank 0 first).
// The fixed lists hold real words; `buildVocabulary` appends a deterministic tail of
// syllable-made rare words and names so the vocabulary is large enough for realistic
// rare-term queries. A few words with diacritics sit at varied ranks for accent-insensitive
// search benchmarks.

import { BUILT_IN_THEME_IDS } from '../../src/shared/built-in-themes';
export const THEME_IDS = BUILT_IN_THEME_IDS;
export type ThemeId = (typeof THEME_IDS)[number];

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w.length > 0);

/** Function words and the most frequent journal words. */
const TOP = words(`
the I and to a of it that was my in me is for but with on not be have this so at just he she we
had what about they do all as you like her don't it's I'm if or out up from them know him one there
would when can get more think no how his because then been really are were time still go did even
some much an by want feel again said today into their didn't could can't also back too who which
people over only something way day thing things after now our will going why felt very than make
where little every any before other should never always maybe while down those these myself here
off through same though around yet without since being let us got went say tell told well good
need
needed I've I'd we're she's he's that's there's wasn't isn't doesn't couldn't wouldn't shouldn't
won't haven't I'll you're they're let's what's
`);

/** Everyday nouns, verbs and adjectives. */
const EVERYDAY = words(`
work home help ask asked friend tired night morning long first last new old right better best bad
enough sure lot own kind hard easy love week year month weekend life house room head hands face
heart
body mind place world family mother father mum dad sister brother partner kids child baby phone
call
called message text email dinner lunch breakfast coffee tea food water car bus train walk walked
run
sleep slept bed tomorrow yesterday tonight later soon already almost both each few many most less
two
three four five hour hours minutes moment next another whole half small big great nice fine ok
okay happy sad angry calm quiet loud late early busy free open close closed clear real true full
empty cold warm hot weather rain sun snow wind outside inside kitchen table door window garden
street
city town park office meeting boss team job project deadline money bill rent shop shopping
bought buy cook cooked cooking clean cleaned laundry dishes bath shower clothes shoes coat bag
keys
book read reading wrote write writing watched watch film show music song played play game games
school class teacher student doctor appointment hospital sick ill cough headache pain neck
came come coming took take taking gave give giving made making saw see seeing looked look looking
thought thinking knew knowing started start stopped stop tried try trying kept keep left leave
found find lost lose put set turned turn moved move stayed stay waited wait sat sit stood stand
heard hear listen listened talked talk talking spoke speak asking answer answered replied reply
sent send got getting went going bring brought carry carried hold held pick picked drop dropped
open opened finished finish done doing does use used using wanted wants needs liked likes loved
seemed seems felt feels happened happen happening changed change changes decided decide remember
remembered forgot forget forgetting understand understood mean meant guess guessed hope hoped wish
wished worry worried worrying care cared caring miss missed missing laugh laughed laughing cry
cried
crying smile smiled sigh breathe breath breathing rest rested relax relaxed hurt hurts hurting
Anna Tom Zoë mother's father's sister's brother's friend's parents grandma grandpa aunt uncle cousin
husband wife boyfriend girlfriend neighbour neighbours colleague colleagues manager client guests
dog cat walked vet birthday party wedding holiday trip flight airport hotel beach mountains
lake river sea forest bike cycling swim swimming gym yoga running football tennis dance
café news article podcast video screen laptop computer app notes list plan plans planned
 Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
June July August September October November December spring summer autumn winter Christmas Easter
bread cheese soup pasta rice salad cake chocolate wine beer pizza apples fruit vegetables
everything nothing anything someone everyone anyone nobody somebody everybody somewhere anywhere
end else somehow afterwards nowhere yes thanks thank sorry please hello goodbye oh hmm well
actually probably definitely certainly
honestly basically literally seriously suddenly finally slowly quickly quietly simply mostly
usually often sometimes rarely once twice ever either neither whether although unless until
between under above behind beside along across against toward towards among within during per
`);

/** Reflective and emotional vocabulary: the words journal entries about leaning on people use. */
const REFLECTIVE = words(`
trust trusted alone support respect deleted admit turns need ready afraid scared fear fears
anxious anxiety stress stressed
overwhelmed exhausted drained lonely loneliness safe safety control guilt guilty shame ashamed
proud
pride strong weak strength weakness boundary boundaries space energy limit limits honest honesty
open vulnerable vulnerability letting offer offered accept accepted receive received receiving
gift gifts compliment compliments kindness kind grateful gratitude thanks credit praise generous
together connection connected close closer distance distant friendship relationship relationships
reach reached reaching depend depending dependent independent independence interdependence
self-reliance rely relied relying myself ourselves themselves himself herself yourself each other
promise promised promises betrayed betrayal disappointed disappointment let down hurt resent
resentment angry frustrated frustration annoyed irritated upset hurtful painful patient patience
needs wants feelings emotions emotional feeling mood moods therapist therapy counsellor session
journal journaling prompt reflect reflection notice noticed noticing pattern patterns habit habits
childhood young younger growing grew learned learn learning lesson lessons memory memories past
future present change growth practice practise practised small step steps try experiment brave
courage courageous hope hopeful hopeless worthy worth deserve deserved deserving enough matter
matters mattered important priority priorities burden load heavy light lighter share shared
sharing
delegate delegated delegating favour favours request requested requests asking helpful
helped helping helps listened listening understood heard seen known intimacy intimate
warm warmth cold distant guard guarded wall walls armour protect protected protecting protection
defensive defend defended criticism critical judge judged judging judgement blame blamed fault
mistake mistakes failure failed fail perfect perfection perfectionism standards expectations
expect expected expecting disappoint nervous awkward uncomfortable comfortable ease
easier harder difficult difficulty struggle struggled struggling cope coping coped manage managed
managing handle handled handling fix fixed fixing solve solved problem problems issue issues
decision decisions choice choices question questions reason reasons
conversation conversations argument argued fight fought apologise apologised apology forgive
forgave forgiveness reconcile repair repaired truth lie lied lying secret secrets hide
hid hidden mask pretend pretended pretending fake smiling tears tear hug hugged
touch touched gentle gently soft softer harsh tough toughness capable competent competence
identity role roles responsible responsibility responsibilities duty obligation obligations owe
owed owing repay repaid debt fair unfair balance balanced imbalance mutual team teamwork lead led
leading follow followed following partner's community belonging belong belonged included excluded
isolated isolation withdrawn withdraw withdrew hermit solitude solitary introvert introverted
social socialise invitation invite invited invites declined decline
 saying refuse refused refusing reject rejected rejection abandon abandoned
abandonment neglect neglected reliable unreliable consistent consistency
 appeared disappeared vanish ghosted loyal loyalty faith believe believed belief
doubt doubted doubting suspicious suspicion test tested testing careful cautious risk risky risked
naïve cynical realistic optimistic pessimistic grounded centred peaceful peace calmer
relief relieved heavier grief grieving loss sadness joy joyful
happiness content contented satisfied fulfilled numb burnt-out burnout
sabbatical resign resigned quit quitting résumé interview promotion raise workload overtime
hustle productive productivity lazy idle slow slowed slowing pause paused
`);

/** Plainer everyday words, a step down in frequency. */
const MORE = words(`
afternoon midnight noon dawn dusk sunrise sunset daylight darkness lamp candle fire heater blanket
pillow sofa couch chair desk shelf floor stairs flat apartment balcony roof yard fence gate lift
corner hallway bedroom bathroom cupboard fridge oven kettle mug cup plate bowl spoon fork knife
glass bottle jar box boxes paper pen pencil notebook letter letters card cards envelope parcel
package delivery post queue ticket tickets station platform road bridge traffic taxi bicycle
helmet map umbrella jacket scarf gloves hat boots sweater shirt dress jeans socks towel soap
mirror hair haircut glasses eyes ears mouth teeth shoulders arms legs feet knees stomach skin
voice sound noise silence smell taste colour blue green red yellow white black grey pink bright
dark quick slow fast sharp wet dry dirty tidy messy broken wake woke waking dream dreamt dreaming
eat ate eating drink drank drinking wash washed washing drive drove driving ride rode fly flew
climb climbed fall fell jump sing sang singing draw drew drawing paint painted painting build
built
break broke plant planted sell sold pay paid paying spend spent spending save saved earn borrowed
lend lent counted check checked fill joined meet met visit visited host celebrate celebrated win
won catch caught push pushed pull pulled throw threw shake shook nod nodded wave waved shrug
shrugged stare stared glance realise realised recognise admitted confess confessed explain
explained describe mention mentioned suggest suggested agree agreed disagree warn warned remind
reminded reminder complain complained whisper whispered shout shouted yelled lovely beautiful
ugly strange weird odd funny silly serious interesting boring exciting excited glad lucky sleepy
hungry thirsty healthy sore stiff dizzy sleepless restless grumpy cheerful bitter sweet salty
spicy delicious expensive cheap rich poor older elderly modern simple complicated obvious
different similar special normal usual certain uncertain possible impossible likely unlikely able
unable willing alive friendly polite rude clever smart wise shy bold confident insecure jealous
curious bored impatient thankful idea ideas story stories word words name number picture photo
photos camera nightmare surprise chance luck accident solution rule rules wrong career company
business price cost tax salary pension savings budget account bank contract lease landlord
flatmate housemate furniture plumber electrician mechanic nurse dentist pharmacy medicine pills
prescription check-up results scan surgery recovery healing illness flu fever infection allergy
migraine injury bruise plaster chat chatted gossip joke jokes laughter fun drinks pub bar
restaurant cafe cinema theatre concert museum gallery exhibition library bookshop supermarket
bakery church choir club group volunteer volunteering charity neighbourhood village countryside
son daughter grandmother grandfather nephew niece twins toddler teenager pregnant birth funeral
anniversary divorce separated engaged marriage married single dating date ex decade routine
schedule calendar diary weekday hurry rush delay delayed cancel cancelled postpone postponed
anyway otherwise instead besides meanwhile however perhaps indeed especially exactly nearly hardly
barely rather quite pretty fairly totally completely entirely partly slightly truly deeply badly
properly stuck confused clarity fog foggy tense tension knot tight raw tender fragile sensitive
overthinking ruminating spiral spiralling panic panicked stillness meditation nap napped
`);

/** Names of people and places (a few carry diacritics). */
const NAMES = words(`
Lena Jonas Sam Mia Ben Clara Max Sophie Lukas Emma Paul Marie David Sarah Leon Julia Felix Laura
Noah Hannah Elias Lea Finn Nina Ella Jakob Maja Oskar Ida Theo Greta Karl Rosa Moritz Frieda Anton
Ruth Emil Helga José Chloé Renée François Björn Jürgen Søren Łukasz Inês Müller Ramón Mónica
Agnès Hélène Andrés Sinéad Øyvind Ágnes Berlin Hamburg Munich Brooklyn London Zürich Köln Málaga
Montréal Kraków Bogotá Lisbon Vienna Prague Paris Rome Amsterdam Copenhagen Oslo Dublin Edinburgh
Leipzig Dresden Bremen Kiel Rostock Potsdam Kreuzberg Neukölln Wedding Schöneberg Manhattan Queens
Marta Jana Petra Ingrid Dieter Wolfgang Ursula Gisela Rolf Heike Sabine Stefan Thomas Michael
Andrea Katrin Claudia Markus Tobias Sebastian Florian Johanna Charlotte Amelie Luisa Mila Ronja
Priya Aisha Omar Yusuf Mei Hiro Kenji Olu Amara Kofi Leila Dario Giulia Matteo Sofía Pilar Iñaki
`);

/** Uncommon but real words, including loanwords with diacritics. */
const RARE = words(`
quixotic ephemeral petrichor liminal palimpsest susurrus halcyon ineffable lachrymose sonorous
mellifluous serendipity equanimity wistful melancholy reverie solace respite sanctuary threshold
tenderness steadfast stalwart forbearance magnanimous reticent taciturn garrulous effusive aloof
diffident demure brusque curt candid guileless earnest sincere wary leery chary skittish jittery
fraught brittle porous tensile pliant supple stubborn obstinate intransigent mulish headstrong
crème fiancée déjà cliché façade soirée jalapeño rosé entrée protégé doppelgänger
smörgåsbord naïveté über touché exposé blasé séance éclair purée sauté canapé décor début élan
première risqué crêpe brûlée tête-à-tête vis-à-vis communiqué négligée fiancé consommé flambé
garden gardening gardener gardens compost seedlings tomatoes courgettes allotment trellis pruning
weeding hedge shed greenhouse wheelbarrow rake hoe mulch marigolds geraniums lavender rosemary
thyme basil parsley chives sorrel rhubarb gooseberries blackcurrants quince damson medlar
sourdough starter kneading proving crumb levain rye spelt buckwheat porridge muesli granola
knitting crochet yarn skein purl cast-on darning mending embroidery quilting patchwork thimble
watercolour gouache charcoal sketchbook easel palette pastel linocut etching kiln glaze pottery
cello viola oboe bassoon clarinet harmonica ukulele accordion metronome sonata etude fugue
hiking rambling orienteering bouldering kayaking paddleboard canoeing snorkelling scuba sailing
lighthouse estuary saltmarsh dune shingle cove headland tidepool seaweed driftwood barnacles
heron kingfisher cormorant curlew lapwing wren robin blackbird magpie jackdaw starling swift
hedgehog badger otter vole dormouse squirrel fox deer hare stoat weasel newt toad dragonfly
insomnia melatonin chamomile valerian hammock duvet eiderdown nightlight
spreadsheet invoice payroll audit compliance onboarding offboarding standup retrospective backlog
stakeholder roadmap deliverable escalation bandwidth synergy pivot sprint kanban jira
ferry tram funicular gondola sleeper overnight layover jetlag passport visa itinerary hostel
`);

/** Words an entry tagged with the theme uses more often than other entries. */
export const THEME_WORDS: Record<ThemeId, readonly string[]> = {
  trust: words(`trust trusted promise promised kept betrayed betrayal doubt honest reliable rely
    test tested down suspicious guard loyal lied faith believe disappointed depend`),
  'asking-for-help': words(`help ask asked asking request favour delegate delegated deleted
    support need needed offer reached message text call hands burden owe helped`),
  boundaries: words(`boundary boundaries no said space energy limit limits protect refuse wall
    needs guilt drained yes respect time calendar refused declined`),
  vulnerability: words(`vulnerable cried tears open honest shame afraid fear scared seen guard
    admit struggle struggling mask soft hidden truth awkward nervous`),
  receiving: words(`gift gifts compliment compliments thank thanks grateful kindness kind accept
    accepted credit praise generous offered cake repay deserve awkward receive`),
  connection: words(`lonely loneliness alone friend friendship together close distance reach
    reached dinner laughed hug known miss missed isolated party conversation invited`),
  'self-reliance': words(`myself alone control own independent handle fix fixed managed
    competent strong nobody rely everything carry coped cope capable responsible`),
  interdependence: words(`together share shared mutual balance team lead let both each other
    support partner we us community neighbour teamwork belonging`),
};

const phrases = (text: string): string[][] => text.split('|').map(words);

/** Multi-word phrases, so quoted-phrase searches have realistic hits. */
export const COMMON_PHRASES = phrases(`I don't know|for a while|at the same time|this morning|
  last night|all day|on my own|a little|I think|so tired|at work|went to bed|for a long time|
  I wanted to|it was fine|the rest of the day|I was so|didn't want to|I should have|in the end|
  my sister|a cup of tea|out of nowhere`);

export const THEME_PHRASES: Record<ThemeId, readonly string[][]> = {
  trust: phrases(`let me down|kept her promise|kept his promise|waited for it to go wrong`),
  'asking-for-help': phrases(`asked for help|asked her to|could you help|deleted the message`),
  boundaries: phrases(`said no|not this week|I need space|protect my time`),
  vulnerability: phrases(`let my guard down|I cried|told him the truth|admitted I was struggling`),
  receiving: phrases(`thank you|said thank you|accepted the offer|let her pay`),
  connection: phrases(`reached out|called my sister|had dinner with|felt less alone`),
  'self-reliance': phrases(`do it myself|on my own|in control|nobody else`),
  interdependence: phrases(`shared the load|let him lead|we did it together|took turns`),
};

/** Words that open sentences often (repeats weight the choice). */
export const SENTENCE_OPENERS = words(`I I I I We She He It Today Maybe Then Still Later Tonight
  Honestly Somehow Afterwards Mum Dad Anna Tom Everything Nothing`);

/** The hand-written ranked lists, most frequent first; a generated tail follows them. */
export const REAL_WORD_LISTS: readonly (readonly string[])[] = [
  TOP,
  EVERYDAY,
  REFLECTIVE,
  MORE,
  NAMES,
  RARE,
];

/** Real words placed deep in the tail, so accent-insensitive search has rare targets too. */
export const DEEP_WORDS: readonly (readonly [string, number])[] = [
  ['Dvořák', 3_000],
  ['jalapeños', 6_000],
  ['piñata', 4_000],
  ['Ångström', 12_000],
  ['Begoña', 20_000],
  ['Mañanita', 30_000],
];
