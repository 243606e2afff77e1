/**
 * A relevance suite over the BBC archive (../shared/corpus/bbc): queries a reporter might type,
 * each with the article that answers it (its file under the archive) and a few words the
 * answering excerpt must hold. Written for Readout; the articles themselves are not copied.
 */
export interface RelevanceCase {
  query: string;
  /**
   * Files (section/NNN.txt) any of which answers the query: the archive holds some stories twice
   * (and Readout shows a passage carried by two articles once), so a copy counts too.
   */
  files: string[];
  /** Words the answering excerpt must contain (case-insensitive). */
  answer: string[];
}

export const bbcRelevanceCases: RelevanceCase[] = [
  { query: 'Time Warner quarterly profits', files: ['business/001.txt'], answer: ['76%'] },
  { query: 'US unemployment rate January jobs', files: ['business/007.txt'], answer: ['unemployment rate'] },
  { query: 'Multiplex Wembley shares fall', files: ['business/062.txt'], answer: ['19%'] },
  { query: 'DaimlerChrysler Mercedes profit slump', files: ['business/117.txt'], answer: ['Mercedes'] },
  { query: 'Three Gorges dam government order', files: ['business/282.txt'], answer: ['Three Gorges'] },
  { query: 'James Hardie asbestos victims', files: ['business/337.txt'], answer: ['$1.1bn'] },
  {
    query: 'Murdoch News Corp video games',
    files: ['business/447.txt', 'business/254.txt'],
    answer: ['video games'],
  },
  { query: 'Algeria gas price riots', files: ['business/502.txt'], answer: ['gas prices'] },
  { query: 'Hotel Rwanda Berlin film festival', files: ['entertainment/047.txt'], answer: ['Hotel Rwanda'] },
  { query: 'Daniel Day-Lewis Berlin award', files: ['entertainment/102.txt'], answer: ['Day-Lewis'] },
  {
    query: 'We Are The World charity single re-released',
    files: ['entertainment/157.txt'],
    answer: ['re-issued'],
  },
  {
    query: 'Matt Lucas Walliams Radio Times comedy poll',
    files: ['entertainment/212.txt'],
    answer: ['Radio Times'],
  },
  {
    query: 'Pixies Foo Fighters Reading Leeds festivals',
    files: ['entertainment/322.txt'],
    answer: ['Pixies'],
  },
  {
    query: 'Scorsese Eastwood Directors Guild',
    files: ['entertainment/377.txt'],
    answer: ['Directors Guild'],
  },
  { query: 'Blair Blunkett Sheffield visit', files: ['politics/046.txt'], answer: ['Sheffield'] },
  { query: 'Welsh councils council tax funding increase', files: ['politics/101.txt'], answer: ['6%'] },
  { query: 'Blunkett visa civil servant knighted', files: ['politics/156.txt'], answer: ['knighted'] },
  {
    query: 'top judge clashed with ministers over inquiries',
    files: ['politics/211.txt'],
    answer: ['clashed'],
  },
  { query: 'peers debate succession to the throne', files: ['politics/266.txt'], answer: ['succession'] },
  {
    query: 'schools mock general election',
    files: ['politics/321.txt', 'politics/217.txt'],
    answer: ['mock'],
  },
  { query: 'Budget leak newspaper Gordon Brown speech', files: ['politics/376.txt'], answer: ['newspaper'] },
  { query: 'McIlroy European Indoor Championships Madrid', files: ['sport/014.txt'], answer: ['McIlroy'] },
  { query: 'Kelly Holmes Birmingham 1,000m', files: ['sport/069.txt'], answer: ['1,000m'] },
  { query: 'Rio Ferdinand Glazer motives', files: ['sport/124.txt'], answer: ['Glazer'] },
  { query: 'Liverpool Millwall crowd trouble charged', files: ['sport/234.txt'], answer: ['charged'] },
  { query: 'Andy Robinson livid denied tries', files: ['sport/289.txt'], answer: ['livid'] },
  {
    query: 'Harinordoquy dropped France squad',
    files: ['sport/344.txt', 'sport/332.txt'],
    answer: ['Harinordoquy'],
  },
  { query: 'Andy Farrell switch to rugby union Wigan', files: ['sport/399.txt'], answer: ['Farrell'] },
  { query: 'Martina Hingis comeback Thailand', files: ['sport/454.txt'], answer: ['Hingis'] },
  { query: 'Melzer beats Agassi San Jose', files: ['sport/509.txt', 'sport/427.txt'], answer: ['Melzer'] },
  { query: 'Microsoft launches search engine', files: ['tech/053.txt'], answer: ['search engine'] },
  { query: 'Consumer Electronics Show Las Vegas gadgets', files: ['tech/163.txt'], answer: ['Las Vegas'] },
  { query: 'Prince of Persia Warrior Within', files: ['tech/218.txt'], answer: ['Warrior Within'] },
  { query: 'Texas lawsuit against spammers', files: ['tech/273.txt'], answer: ['Texas'] },
  {
    query: 'PC Pro survey Britons unhappy internet service',
    files: ['tech/328.txt', 'tech/021.txt'],
    answer: ['PC Pro'],
  },
  { query: 'Nokia Microsoft music on mobile handsets', files: ['tech/383.txt'], answer: ['Nokia'] },
  // The failure classes, as a reporter meets them.
  { query: 'Chelsea sack Mutu', files: ['sport/199.txt'], answer: ['Mutu'] },
  { query: 'Newcastle 2-1 Bolton', files: ['sport/105.txt'], answer: ['Bolton'] },
  { query: 'Profile: David Miliband', files: ['politics/037.txt'], answer: ['Miliband'] },
  { query: 'Wegner new contract', files: ['sport/196.txt'], answer: ['Wenger'] },
  { query: 'child access parents', files: ['politics/051.txt', 'politics/390.txt'], answer: ['children'] },
  { query: "Bush's re-election state of denial", files: ['politics/126.txt'], answer: ['denial'] },
];
