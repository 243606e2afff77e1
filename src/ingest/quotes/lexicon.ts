/**
 * Word lists the attribution rules lean on: speech verbs, titles, role nouns, nationalities,
 * institutions and documents. All lower case; lookups take a lower-cased word.
 */

/** Speech and report verbs, by lemma; `inflect` adds the regular forms. */
// biome-ignore format: a word list
const speechLemmas = [
  'say', 'tell', 'add', 'stress', 'note', 'explain', 'ask', 'answer', 'reply', 'respond', 'write', 'tweet',
  'post', 'state', 'declare', 'announce', 'claim', 'insist', 'argue', 'contend', 'warn', 'urge', 'caution',
  'recall', 'continue', 'conclude', 'acknowledge', 'admit', 'concede', 'confirm', 'deny', 'complain',
  'charge', 'accuse', 'allege', 'assert', 'maintain', 'observe', 'remark', 'comment', 'joke', 'quip',
  'shout', 'yell', 'scream', 'whisper', 'mutter', 'exclaim', 'boast', 'brag', 'predict', 'promise', 'pledge',
  'vow', 'suggest', 'propose', 'report', 'reveal', 'disclose', 'emphasize', 'emphasise', 'underline',
  'describe', 'call', 'label', 'dub', 'brand', 'term', 'characterize', 'characterise', 'praise', 'criticize',
  'criticise', 'slam', 'blast', 'mock', 'decry', 'denounce', 'condemn', 'lament', 'counter', 'retort',
  'rebut', 'scoff', 'chide', 'scold', 'snap', 'fume', 'rail', 'bemoan', 'repeat', 'reiterate', 'affirm',
  'assure', 'tout', 'hail', 'quote', 'cite', 'read', 'testify', 'inform', 'demand', 'plead', 'recount',
  'muse', 'wonder', 'thank', 'speculate', 'opine', 'proclaim', 'pronounce', 'recommend',
  'advise', 'indicate', 'highlight', 'mention', 'elaborate', 'interject', 'sing', 'chant', 'blog',
  'concur', 'agree', 'dismiss', 'summarize', 'point',
  'summarise', 'echo', 'estimate', 'forecast', 'boom', 'thunder', 'sneer', 'laugh', 'cry', 'sigh', 'groan',
  'rule', 'instruct', 'beg', 'implore', 'exhort', 'appeal', 'liken', 'compare', 'deride', 'ridicule', 'rate',
];

const irregular: Record<string, string[]> = {
  say: ['said', 'says', 'saying'],
  tell: ['told', 'tells', 'telling'],
  write: ['wrote', 'writes', 'writing', 'written'],
  read: ['reads', 'reading', 'read'],
  sing: ['sang', 'sings', 'singing'],
  find: ['found', 'finds', 'finding'],
  cry: ['cried', 'cries', 'crying'],
  reply: ['replied', 'replies', 'replying'],
  testify: ['testified', 'testifies', 'testifying'],
  plead: ['pleaded', 'pled', 'pleads', 'pleading'],
};

/** The third person singular present of a verb ('say' → says, 'stress' → stresses). */
function thirdPerson(lemma: string): string {
  const irregularForm = irregular[lemma]?.find((form) => form.endsWith('s'));
  if (irregularForm) return irregularForm;
  return /(?:s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
}

/** The regular -ed, -s and -ing forms of a verb ('stress' → stressed, stresses, stressing). */
function inflect(lemma: string): string[] {
  const irregularForms = irregular[lemma];
  if (irregularForms) return [lemma, ...irregularForms];
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const doubled = /^(?:[^aeiou]*[aeiou][bdgmnprt])$/.test(lemma) && lemma.length <= 4;
  const last = lemma.at(-1)!;
  const past = lemma.endsWith('e') ? `${lemma}d` : doubled ? `${lemma}${last}ed` : `${lemma}ed`;
  const third = thirdPerson(lemma);
  const gerund = doubled ? `${lemma}${last}ing` : `${stem}ing`;
  return [lemma, past, third, gerund];
}

/** Every form of every speech verb. */
export const speechVerbs: ReadonlySet<string> = new Set(speechLemmas.flatMap(inflect));

/** Speech verbs in the third person singular present ('says', 'calls'): their subject is singular. */
export const singularSpeechVerbs: ReadonlySet<string> = new Set(speechLemmas.map(thirdPerson));

/** Speech verbs that only report speech with a quotation or a particle ('pointed out', 'called X "…"'). */
export const weakSpeechVerbs: ReadonlySet<string> = new Set(
  ['call', 'rule', 'dismiss', 'describe', 'label', 'dub', 'brand', 'term', 'rate']
    .flatMap(inflect)
    .concat(['read']),
);

/** Words between a subject and its speech verb that change nothing ('Obama also said'). */
// biome-ignore format: a word list
export const adverbs: ReadonlySet<string> = new Set([
  'also', 'later', 'then', 'once', 'again', 'earlier', 'further', 'previously', 'repeatedly', 'often', 'recently',
  'simply', 'flatly', 'quickly', 'angrily', 'firmly', 'bluntly', 'frankly', 'openly', 'publicly', 'privately',
  'still', 'even', 'just', 'has', 'had', 'have', 'would', 'will', 'could', 'was', 'is', 'did', 'does', 'had',
  'reportedly', 'previously', 'separately', 'subsequently', 'finally', 'first', 'further', 'jokingly',
  'never', 'not', 'always', 'ultimately', 'herself', 'himself', 'itself', 'personally',
]);

/** Titles written before a name; the value is the role they give, or '' for a mere courtesy title. */
export const titles: ReadonlyMap<string, string> = new Map([
  ['mr', ''],
  ['mrs', ''],
  ['ms', ''],
  ['miss', ''],
  ['messrs', ''],
  ['dr', ''],
  ['prof', 'professor'],
  ['professor', 'professor'],
  ['sir', ''],
  ['dame', ''],
  ['lord', ''],
  ['lady', ''],
  ['rev', 'reverend'],
  ['president', 'president'],
  ['presidents', 'president'],
  ['pres', 'president'],
  ['vice', 'vice president'],
  ['sen', 'senator'],
  ['senator', 'senator'],
  ['rep', 'representative'],
  ['representative', 'representative'],
  ['congressman', 'representative'],
  ['congresswoman', 'representative'],
  ['gov', 'governor'],
  ['governor', 'governor'],
  ['mayor', 'mayor'],
  ['secretary', 'secretary'],
  ['minister', 'minister'],
  ['premier', 'prime minister'],
  ['chancellor', 'chancellor'],
  ['ambassador', 'ambassador'],
  ['judge', 'judge'],
  ['justice', 'judge'],
  ['speaker', 'speaker'],
  ['leader', 'leader'],
  ['king', 'king'],
  ['queen', 'queen'],
  ['prince', 'prince'],
  ['princess', 'princess'],
  ['pope', 'pope'],
  ['gen', 'general'],
  ['general', 'general'],
  ['lt', 'officer'],
  ['col', 'officer'],
  ['maj', 'officer'],
  ['capt', 'officer'],
  ['adm', 'admiral'],
  ['sgt', 'officer'],
  ['chairman', 'chairman'],
  ['chairwoman', 'chairman'],
  ['director', 'director'],
  ['commissioner', 'commissioner'],
  ['attorney', 'attorney'],
  ['sheriff', 'sheriff'],
  ['chief', 'chief'],
  ['coach', 'coach'],
  ['detective', 'officer'],
  ['officer', 'officer'],
  ['spokesman', 'spokesperson'],
  ['spokeswoman', 'spokesperson'],
  ['spokesperson', 'spokesperson'],
  ['nominee', 'nominee'],
  ['candidate', 'candidate'],
  ['counterpart', 'counterpart'],
  ['host', 'host'],
  ['anchor', 'host'],
] as Array<[string, string]>);

/** The plural of a role noun: 'officials', 'spokesmen', 'businesswomen'. */
function plural(noun: string): string {
  if (noun.endsWith('man')) return `${noun.slice(0, -3)}men`;
  return /(?:s|sh|ch|x)$/.test(noun) ? `${noun}es` : `${noun}s`;
}

/** Role nouns of descriptions ('the Russian leader', 'a senior official', 'several groups'), and their plurals. */
// biome-ignore format: a word list
const singularRoles = [
  'president', 'leader', 'premier', 'minister', 'secretary', 'chancellor', 'senator', 'governor', 'mayor',
  'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'source', 'sources', 'aide', 'adviser',
  'advisor', 'candidate', 'nominee', 'businessman', 'businesswoman', 'billionaire', 'executive', 'chief',
  'chairman', 'chairwoman', 'director', 'lawyer', 'attorney', 'judge', 'economist', 'analyst', 'professor',
  'expert', 'diplomat', 'ambassador', 'envoy', 'general', 'commander', 'strategist', 'pollster', 'manager',
  'congressman', 'congresswoman', 'lawmaker', 'legislator', 'representative', 'speaker', 'head', 'counterpart',
  'host', 'anchor', 'reporter', 'correspondent', 'columnist', 'author', 'actor', 'actress', 'singer', 'star',
  'founder', 'owner', 'boss', 'coach', 'player', 'captain', 'officer', 'detective', 'sheriff', 'prosecutor',
  'narrator', 'critic', 'supporter', 'opponent', 'rival', 'democrat', 'republican', 'activist', 'witness',
  'resident', 'voter', 'student', 'teacher', 'doctor', 'scientist', 'researcher', 'mother', 'father', 'wife',
  'husband', 'daughter', 'son', 'man', 'woman', 'king', 'queen', 'prince', 'princess', 'pope', 'questioner',
  'interviewer', 'moderator', 'organizer', 'organiser', 'campaigner', 'entrepreneur', 'investor', 'mogul',
  'tycoon', 'chief executive', 'ceo', 'veteran', 'colleague', 'friend', 'partner', 'politician', 'statesman',
  'group', 'advocate', 'protester', 'delegate', 'member', 'leader', 'environmentalist', 'observer', 'watchdog',
];
export const roleNouns: ReadonlySet<string> = new Set([...singularRoles, ...singularRoles.map(plural)]);

/** Nationality words and country names, to the key of their country. */
// biome-ignore format: a word list
export const nations: ReadonlyMap<string, string> = new Map([
  ['us', 'us'], ['u.s.', 'us'], ['u.s', 'us'], ['usa', 'us'], ['american', 'us'], ['america', 'us'],
  ['united states', 'us'], ['russian', 'ru'], ['russia', 'ru'], ['kremlin', 'ru'], ['british', 'uk'],
  ['britain', 'uk'], ['uk', 'uk'], ['u.k.', 'uk'], ['united kingdom', 'uk'], ['french', 'fr'], ['france', 'fr'],
  ['german', 'de'], ['germany', 'de'], ['chinese', 'cn'], ['china', 'cn'], ['turkish', 'tr'], ['turkey', 'tr'],
  ['syrian', 'sy'], ['syria', 'sy'], ['iranian', 'ir'], ['iran', 'ir'], ['ukrainian', 'ua'], ['ukraine', 'ua'],
  ['israeli', 'il'], ['israel', 'il'], ['palestinian', 'ps'], ['japanese', 'jp'], ['japan', 'jp'],
  ['indian', 'in'], ['india', 'in'], ['canadian', 'ca'], ['canada', 'ca'], ['mexican', 'mx'], ['mexico', 'mx'],
  ['italian', 'it'], ['italy', 'it'], ['spanish', 'es'], ['spain', 'es'], ['iraqi', 'iq'], ['iraq', 'iq'],
  ['afghan', 'af'], ['afghanistan', 'af'], ['saudi', 'sa'], ['egyptian', 'eg'], ['egypt', 'eg'],
  ['australian', 'au'], ['australia', 'au'], ['brazilian', 'br'], ['brazil', 'br'], ['polish', 'pl'],
  ['poland', 'pl'], ['irish', 'ie'], ['ireland', 'ie'], ['korean', 'kr'], ['pakistani', 'pk'],
  ['pakistan', 'pk'], ['belarusian', 'by'], ['georgian', 'ge'], ['philippine', 'ph'], ['filipino', 'ph'],
  ['philippines', 'ph'], ['venezuelan', 've'], ['venezuela', 've'], ['cuban', 'cu'], ['cuba', 'cu'],
  ['greek', 'gr'], ['greece', 'gr'], ['dutch', 'nl'], ['swedish', 'se'], ['sweden', 'se'],
  ['norwegian', 'no'], ['norway', 'no'], ['danish', 'dk'], ['denmark', 'dk'], ['finnish', 'fi'],
  ['finland', 'fi'], ['austrian', 'at'], ['austria', 'at'], ['swiss', 'ch'], ['hungarian', 'hu'],
  ['hungary', 'hu'], ['european', 'eu'], ['nigerian', 'ng'], ['nigeria', 'ng'], ['kenyan', 'ke'],
  ['kenya', 'ke'], ['south african', 'za'], ['lebanese', 'lb'], ['lebanon', 'lb'], ['jordanian', 'jo'],
  ['jordan', 'jo'], ['libyan', 'ly'], ['libya', 'ly'], ['qatari', 'qa'], ['qatar', 'qa'],
]);

/** Words that make a capitalised phrase an institution ('the Kremlin', 'the Foreign Ministry'). */
// biome-ignore format: a word list
export const institutionWords: ReadonlySet<string> = new Set([
  'kremlin', 'house', 'pentagon', 'ministry', 'department', 'office', 'service', 'agency', 'commission',
  'committee', 'council', 'bureau', 'administration', 'government', 'party', 'campaign', 'foundation',
  'institute', 'university', 'association', 'union', 'company', 'corporation', 'inc', 'corp', 'bank', 'court',
  'times', 'post', 'journal', 'news', 'press', 'reuters', 'tass', 'bloomberg', 'cnn', 'bbc', 'nbc', 'abc', 'cbs',
  'fox', 'msnbc', 'politifact', 'fbi', 'cia', 'nato', 'un', 'eu', 'police', 'army', 'navy', 'embassy',
  'parliament', 'congress', 'senate', 'duma', 'cabinet', 'secretariat', 'spokesperson', 'group', 'network',
  'tribune', 'herald', 'telegraph', 'guardian', 'gazette', 'magazine', 'radio', 'tv', 'television', 'novosti',
  'ria', 'interfax', 'xinhua', 'afp', 'ap', 'nyt', 'gop', 'dnc', 'rnc', 'organization', 'organisation',
  'federation', 'board', 'authority', 'centre', 'center', 'club', 'league', 'fund', 'trust', 'review',
]);

/** Documents that speak for whoever issued them ('the statement reads'). */
// biome-ignore format: a word list
export const documentNouns: ReadonlySet<string> = new Set([
  'statement', 'report', 'readout', 'release', 'communique', 'communiqué', 'letter', 'ruling', 'decision',
  'complaint', 'article', 'memo', 'email', 'tweet', 'transcript', 'document', 'filing', 'lawsuit', 'editorial',
  'study', 'survey', 'poll', 'ad', 'advertisement', 'video', 'message', 'notice', 'announcement', 'text',
  'order', 'opinion', 'indictment', 'suit', 'petition', 'proposal', 'bill', 'resolution', 'website', 'post',
  'note', 'summary', 'analysis', 'book', 'paper', 'memoir', 'interview', 'speech', 'declaration', 'appeal',
  'piece', 'story', 'column', 'bylaws', 'guidelines', 'platform',
]);

/** Nouns of speaking bodies written in lower case ('the press service', 'the ministry'). */
// biome-ignore format: a word list
export const institutionNouns: ReadonlySet<string> = new Set([
  'press service', 'press office', 'ministry', 'department', 'agency', 'government', 'administration',
  'campaign', 'commission', 'committee', 'company', 'embassy', 'office', 'service', 'court', 'police',
  'council', 'party', 'newspaper', 'paper', 'network', 'channel', 'website', 'group', 'organization',
  'organisation', 'spokesperson', 'press secretary', 'side', 'sides',
]);

export const malePronouns: ReadonlySet<string> = new Set(['he', 'him', 'his', 'himself']);
export const femalePronouns: ReadonlySet<string> = new Set(['she', 'her', 'hers', 'herself']);
/** Pronouns that can stand as the subject of a speech verb. */
export const subjectPronouns: ReadonlySet<string> = new Set(['he', 'she', 'it', 'they', 'i', 'we', 'you']);

/** Prepositions: a name after one is its object, not a subject ("loyalists to Joe Biden"). */
// biome-ignore format: a word list
export const prepositions: ReadonlySet<string> = new Set([
  'to', 'of', 'for', 'with', 'from', 'by', 'about', 'against', 'into', 'at', 'on', 'in', 'over', 'under', 'than',
  'during', 'after', 'before', 'since', 'until', 'despite', 'through', 'throughout', 'amid', 'among', 'within',
  'without', 'like', 'unlike', 'toward', 'towards', 'upon', 'via', 'including', 'between', 'versus', 'behind',
  'beside', 'near', 'alongside',
]);

/** Words that begin a description ('the', 'a', 'one'). */
// biome-ignore format: a word list
export const determiners: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'his', 'her', 'its', 'their', 'our', 'one', 'another', 'some', 'several',
  'two', 'three', 'many', 'other', 'both', 'each', 'these', 'those',
]);

/** Capitalised words that begin sentences but name nobody. */
// biome-ignore format: a word list
export const notNames: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'or', 'so', 'if', 'when', 'while', 'after', 'before', 'as',
  'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'there', 'here', 'what',
  'why', 'how', 'who', 'where', 'for', 'from', 'with', 'by', 'to', 'of', 'not', 'no', 'yes', 'according',
  'also', 'then', 'now', 'still', 'yet', 'however', 'meanwhile', 'earlier', 'later', 'last', 'next', 'since',
  'during', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'all', 'some', 'many', 'most', 'both', 'one',
  'asked', 'said', 'says', 'told', 'do', 'does', 'did', 'is', 'was', 'are', 'were', 'be', 'has', 'have', 'had',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mrs', 'mr',
  'instead', 'indeed', 'today', 'yesterday', 'tonight', 'again', 'even', 'just', 'only', 'well', 'oh', 'look',
  'democrats', 'republicans', 'americans', 'russians', 'nevertheless', 'thus', 'although', 'though', 'because',
]);

/** Last words of capitalised names of things and places, not persons ('the Affordable Care Act', 'Midway Atoll'). */
// biome-ignore format: a word list
export const thingNouns: ReadonlySet<string> = new Set([
  'act', 'charter', 'amendment', 'treaty', 'accord', 'accords', 'agreement', 'plan', 'program', 'programme', 'deal',
  'day', 'war', 'games', 'cup', 'prize', 'award', 'awards', 'summit', 'conference', 'forum', 'law', 'initiative',
  'project', 'policy', 'doctrine', 'index', 'tax', 'atoll', 'island', 'islands', 'county', 'park', 'river', 'lake',
  'mountain', 'mountains', 'valley', 'bay', 'beach', 'street', 'avenue', 'road', 'square', 'airport', 'station',
  'bridge', 'canyon', 'forest', 'desert', 'harbor', 'harbour', 'port', 'coast', 'peninsula', 'gulf', 'sea', 'ocean',
  'hills', 'heights', 'hall', 'stadium', 'arena', 'building', 'tower', 'plaza', 'museum', 'hospital', 'memorial',
  'monument', 'garden', 'gardens', 'festival', 'show', 'series', 'prize', 'trophy', 'championship', 'olympics',
]);
