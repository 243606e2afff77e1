import { describe, expect, it } from 'vitest';
import { extractQuotations, type Quotation } from '../../../src/ingest/quotes/index.js';

/** The one quotation whose words begin with `opening`. */
function quotation(paragraphs: string[], opening: string): Quotation {
  const found = extractQuotations(paragraphs).filter((quote) => quote.text.startsWith(opening));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('extractQuotations: speakers named in the sentence', () => {
  it.each([
    ['"…," said Name', ['"The budget is balanced," said Marta Kovac.'], 'The budget', 'Marta Kovac', 'said'],
    ['Name said "…"', ['Marta Kovac said: "The budget is balanced."'], 'The budget', 'Marta Kovac', 'said'],
    [
      '"…," Name told reporters',
      ['"We will appeal," Kovac told reporters.'],
      'We will appeal',
      'Kovac',
      'told',
    ],
    [
      '"…", — said the description',
      ['“We will appeal”, — said the finance minister.'],
      'We will appeal',
      'the finance minister',
      'said',
    ],
    [
      'according to Name',
      ['According to Marta Kovac, "the budget is balanced."'],
      'the budget',
      'Marta Kovac',
      'according to',
    ],
    [
      'a title before the name',
      ['"No comment," Sen. Marta Kovac (D-Ore.) said.'],
      'No comment',
      'Marta Kovac',
      'said',
    ],
    [
      'an appositive',
      ['"No comment," Marta Kovac, a senior economist at the bank, said.'],
      'No comment',
      'Marta Kovac',
      'said',
    ],
    [
      'an attribution closing a partial quotation',
      ['A clerk who "took a few dollars" goes to jail, Kovac said.'],
      'took a few',
      'Kovac',
      'said',
    ],
    ['a transcript label', ['"KOVAC: We will appeal."'], 'KOVAC', 'Kovac', null],
    [
      'an epigraph dash',
      ['“We will appeal.” ― Marta Kovac\n“We lost.” ― Ilse Brand'],
      'We lost',
      'Ilse Brand',
      null,
    ],
    [
      'an epigraph dash in a run of readers’ answers on one line',
      ['“We will appeal.” ― Marta Kovac  “The port is too small.”― Ilse Brand. “We lost.” ― Tomas Berg'],
      'The port',
      'Ilse Brand',
      null,
    ],
  ])('finds the speaker in %s', (_name, paragraphs, opening, speaker, cue) => {
    const found = quotation(paragraphs, opening);
    expect(found.speaker).toBe(speaker);
    expect(found.cue).toBe(cue);
  });

  it.each([
    [
      'a month opening the sentence',
      'In August, several environmental groups sued the mine owner, saying his plan was "a disaster for the valley."',
      'several environmental groups',
    ],
    [
      'a participle opening the sentence',
      'Following a short meeting, the Harbour Council issued a statement calling the plan "a clear mistake."',
      'the Harbour Council',
    ],
    [
      'a participle before the name',
      'Speaking at a rally in Dover, Tomas Berg said the port was "too small for us."',
      'Tomas Berg',
    ],
  ])('passes over %s to the subject', (_name, text, speaker) => {
    const quotes = extractQuotations([text]);
    expect(quotes.map((quote) => quote.speaker)).toEqual([speaker]);
  });

  it('takes the attribution after a question mark, but not a new sentence after a full stop', () => {
    const paragraphs = [
      '“Who would have believed it a year ago?” Radu Voss said, looking at the crowd. “It is ours.” The mayor said the vote was close.',
    ];
    expect(quotation(paragraphs, 'Who would').speaker).toBe('Radu Voss');
    expect(quotation(paragraphs, 'It is ours').speaker).toBe('Radu Voss');
  });

  it('gives a country that speaks its own words, not the next sentence’s speaker', () => {
    const paragraphs = [
      'Norway insisted that its neighbour "stop its dangerous games." The Harbour Agency said the ships had shown "complete disregard for the rules."',
    ];
    expect(quotation(paragraphs, 'stop its').speaker).toBe('Norway');
    expect(quotation(paragraphs, 'complete disregard').speaker).toBe('the Harbour Agency');
  });

  it('passes over an opening phrase after a preposition to the subject', () => {
    const text =
      'During a long speech on Tuesday, Radu Voss attacked the council, saying, “They are lazy and very slow.”';
    expect(quotation([text], 'They are').speaker).toBe('Radu Voss');
  });

  it('gives a quotation after a name and a participle to that name', () => {
    const text =
      'The advert ends with footage of Radu Voss saying, “That makes me smart,” as the crowd laughs.';
    expect(quotation([text], 'That makes').speaker).toBe('Radu Voss');
  });

  it.each([
    [
      'a speech noun after a possessive is no verb',
      'Ilse Brand, a senior adviser to the council, called Mr. Voss\'s remarks on Saturday "a true wake-up call" to the city.',
      'Ilse Brand',
      'called',
    ],
    [
      'the owner of a claim',
      'Voss’s claim that there were "thousands of ships" in the port was checked.',
      'Voss',
      'claim',
    ],
    [
      'a second verb joined by "and"',
      'Radu Voss beamed and asked the crowd to welcome the governor - "my new best friend."',
      'Radu Voss',
      'asked',
    ],
    [
      'a verb in a relative clause',
      'Ilse Brand, the head of the port authority, forcefully told a young man who suggested that some people may not vote that "staying home is not a strategy."',
      'Ilse Brand',
      'told',
    ],
    [
      'a party and state after the name',
      '"Our view is that the veto will fail," Senate Leader Radu Voss, R-Ky., said Tuesday.',
      'Radu Voss',
      'said',
    ],
    ['a date before the name', '"The rules do not hold," said 9/11 widow Ilse Brand.', 'Ilse Brand', 'said'],
    [
      'a participle describing the name after the quotation',
      'Voss "is the only candidate with the experience," retired Navy captain Ilse Brand said.',
      'Ilse Brand',
      'said',
    ],
    [
      'the subject before a participle and its object',
      'Protesters marching through the streets chanted "What curfew?" and kept going.',
      'Protesters',
      'chanted',
    ],
    [
      'a speech noun after "of"',
      'The Harbour Watch rated 32% of Republican claims as "false" on Monday.',
      'the Harbour Watch',
      'rated',
    ],
    [
      'a verb of likening',
      'Another critic, Ilse H. Brand, likened the rules to "burning the charter" on Monday.',
      'Ilse H. Brand',
      'likened',
    ],
    [
      '"as X put it"',
      'The fee is a "lawful source of income," as a council memo put it.',
      'a council memo',
      'put it',
    ],
    [
      '"As X, …, put it"',
      'As Ilse Brand, a tax lawyer at the firm, recently put it, "Did he avoid the tax or evade it?"',
      'Ilse Brand',
      'put it',
    ],
    [
      'the outer of two reports',
      'Radu Voss said on Friday that Ilse Brand once described the harbour plan as "the gold standard" of ports.',
      'Radu Voss',
      'said',
    ],
    [
      '"according to" before a speaker',
      'According to the Gazette, council spokesman Keld Marr said Friday that "the mayor would sign it."',
      'the Gazette',
      'according to',
    ],
    [
      'a main clause after a "when" clause',
      'When Brand noted that Voss had not paid the fee, Voss boasted, "That makes me smart."',
      'Voss',
      'boasted',
    ],
    [
      '", per X"',
      'Proxies are barred when voting "to fill a vacancy on the board," per the council’s bylaws.',
      'the council’s bylaws',
      'per',
    ],
    [
      'a document that names its issuer',
      'Twenty years ago, a Gazette article hailed Voss as "The Comeback Kid" for his work.',
      'a Gazette article',
      'hailed',
    ],
    [
      'a verb with a "that" clause after the quotation',
      'City lawyer Ilse Brand said in the letter that the advert "plainly and wrongly" suggests that the police support it.',
      'Ilse Brand',
      'said',
    ],
  ])('reads %s', (_name, text, speaker, cue) => {
    const quotes = extractQuotations([text]);
    expect(quotes.map((quote) => [quote.speaker, quote.cue])).toEqual([[speaker, cue]]);
  });

  it('gives a second quotation of a sentence the speaker of the first, past a "that"-less report', () => {
    const text =
      'Speaker Radu Voss said the recent spate of storms demands that all residents engage in "more listening" and "more learning."';
    expect(extractQuotations([text]).map((quote) => quote.speaker)).toEqual(['Radu Voss', 'Radu Voss']);
  });

  it('ends a sentence at a full stop inside the closing marks', () => {
    const text =
      '“This is not a moment, it’s a movement,” Brand said. “By the end of the film you understand it.”  Check out the trailer for Brand’s film, “Thirteen,” below.';
    expect(quotation([text], 'By the end').speaker).toBe('Brand');
  });

  it('gives ", adding" the speaker of the verb before it', () => {
    const text =
      '"Immunity is not a reward," Council Chairman Radu Voss (R-Utah) said in a statement, adding that the deals were handed out "like candy."';
    expect(quotation([text], 'like candy').speaker).toBe('Radu Voss');
    expect(quotation([text], 'like candy').cue).toBe('adding');
  });

  it.each([
    [
      'an attribution closing the sentence before',
      'The port may be slow to act while the ministry talks to the unions, Voss said. "The other factor is the cost."',
      'Radu Voss',
    ],
    [
      'a speech verb in the sentence before',
      'His former partner at the yard, Keld B. Marr, called him a master at hard deals. "He showed it again and again."',
      'Keld B. Marr',
    ],
    ['no speech verb in the sentence before', 'The port is ready. "We will open on Monday."', null],
  ])(
    'gives a quotation opening a later sentence of its paragraph the speaker of %s',
    (_name, text, speaker) => {
      expect(extractQuotations(['Radu Voss spoke first.', text]).map((quote) => quote.speaker)).toEqual([
        speaker,
      ]);
    },
  );

  it('gives a surname the full name the article gave earlier', () => {
    const paragraphs = [
      'Finance Minister Marta Kovac presented the budget.',
      '"It is balanced," Kovac said.',
    ];
    expect(quotation(paragraphs, 'It is').speaker).toBe('Marta Kovac');
    expect(quotation(paragraphs, 'It is').speakerAsWritten).toBe('Kovac');
  });

  it('gives a transcript’s paragraphs the speaker of the last label, not the first', () => {
    const paragraphs = [
      '"KOVAC: Do you see those two as equal?',
      '"BRANDT: Well, look, the port has been open all year.',
      '"But the truth is that the port pays for itself.',
      '"And it will go on paying."',
    ];
    expect(quotation(paragraphs, 'But the truth').speaker).toBe('Brandt');
    expect(quotation(paragraphs, 'And it will').speaker).toBe('Brandt');
    expect(quotation(paragraphs, 'KOVAC').speaker).toBe('Kovac');
  });

  it('gives both halves of an interrupted quotation the same speaker', () => {
    const paragraphs = ['"We tried," said Marta Kovac, "but the banks refused."'];
    expect(extractQuotations(paragraphs).map((quote) => quote.speaker)).toEqual([
      'Marta Kovac',
      'Marta Kovac',
    ]);
  });
});

describe('extractQuotations: pronouns and descriptions', () => {
  it('resolves "he said" to the man named earlier', () => {
    const paragraphs = ['Mayor Tomas Berg opened the bridge on Friday.', '"It took ten years," he said.'];
    expect(quotation(paragraphs, 'It took').speaker).toBe('Tomas Berg');
    expect(quotation(paragraphs, 'It took').speakerAsWritten).toBe('he');
  });

  it('resolves "she said" past a nearer man to the woman named earlier', () => {
    const paragraphs = [
      'Mrs. Ilse Brand met Mr. Tomas Berg at the harbour.',
      '"We agreed on nothing," she said.',
    ];
    expect(quotation(paragraphs, 'We agreed').speaker).toBe('Ilse Brand');
  });

  it('gives null, not a guess, for "he" whose only candidate is two paragraphs back', () => {
    const paragraphs = [
      'Mayor Radu Voss opened the bridge on Friday.',
      'The bridge cost ten million and took a decade to build.',
      '"It took ten years," he said.',
    ];
    expect(quotation(paragraphs, 'It took').speaker).toBeNull();
    // A "he" in between carries him on.
    const carried = [paragraphs[0]!, 'He said the bridge cost ten million.', paragraphs[2]!];
    expect(quotation(carried, 'It took').speaker).toBe('Radu Voss');
  });

  it('follows "he" back to the "he" before it, past a name in between', () => {
    const paragraphs = [
      'Harbour spokesman Radu Voss told the Gazette that the plan would go ahead.',
      'However, he could not say why Keld Marr had mentioned it in an interview.',
      '"We have nothing in writing yet," he said.',
    ];
    expect(quotation(paragraphs, 'We have').speaker).toBe('Radu Voss');
  });

  it('prefers the subject to a name after a preposition', () => {
    const paragraphs = [
      'Loyalists to Keld Marr will fight the plan, Radu Voss said on Monday.',
      '"This is a different time," he said.',
    ];
    expect(quotation(paragraphs, 'This is').speaker).toBe('Radu Voss');
  });

  it('gives null for "she" after a woman the article does not name', () => {
    const paragraphs = [
      'The woman’s enthusiasm for the mayor is recorded in detail by reporter Ilse Brand:',
      '"Here he comes," she said.',
    ];
    expect(quotation(paragraphs, 'Here he').speaker).toBeNull();
  });

  it('tells apart persons of one surname by sex and by who the article is about', () => {
    const paragraphs = [
      'Senator Radu Voss spoke on Monday.',
      'His wife, Ilse Voss, and his father, Keld Voss, were at his side.',
      'Later, Voss praised the crowd.',
      '"We will win," he said.',
      'Ilse Voss smiled. "He means it," said Mrs. Voss.',
    ];
    expect(quotation(paragraphs, 'We will').speaker).toBe('Radu Voss');
    expect(quotation(paragraphs, 'He means').speaker).toBe('Ilse Voss');
  });

  it.each([
    ['a law is no person', ['The Harbour Protection Act passed on Monday.', '"It works," he said.'], null],
    [
      'a given name that is also a word, after a title',
      ['Former President Bill Voss spoke on Monday. The bill passed.', '"It works," Voss said.'],
      'Bill Voss',
    ],
    ['a name after an outlet’s possessive', ['"We will win," noted NBC’s Radu Voss.'], 'Radu Voss'],
    [
      'a name after a role written as a title',
      ['"We will win," said Council Campaign Manager Radu Voss.'],
      'Radu Voss',
    ],
    [
      'a chain of "he" in one paragraph',
      [
        'Radu Voss opened the port.',
        'He said it was late. He added that it was costly. "It works," he said.',
      ],
      'Radu Voss',
    ],
  ])('names the speaker right with %s', (_name, paragraphs, speaker) => {
    expect(extractQuotations(paragraphs).map((quote) => quote.speaker)).toEqual([speaker]);
  });

  it('does not take a name inside the quotation as the antecedent', () => {
    const paragraphs = ['Mr. Tomas Berg spoke first.', '"Ilse Brand is wrong," he said.'];
    expect(quotation(paragraphs, 'Ilse Brand').speaker).toBe('Tomas Berg');
  });

  it('resolves "the Ruritanian leader" to the person the article names as Ruritanian president', () => {
    const paragraphs = [
      'Russian President Oleg Marchenko met Prime Minister Ilse Brand.',
      '"The current state is abnormal," said the Russian leader.',
    ];
    const found = quotation(paragraphs, 'The current state');
    expect(found.speaker).toBe('Oleg Marchenko');
    expect(found.speakerAsWritten).toBe('the Russian leader');
  });

  it('keeps a description that names nobody as written', () => {
    expect(quotation(['"We will stop the talks," said a senior official.'], 'We will').speaker).toBe(
      'a senior official',
    );
  });

  it.each([
    [
      'two roles joined by "and"',
      'The former mayor and current Ruritanian party leader said the port was "a mistake" then.',
      'the former mayor and current Ruritanian party leader',
    ],
    [
      'a role after capitalised modifiers',
      'Former Ruritanian party leader said it was "a mistake" then.',
      'Former Ruritanian party leader',
    ],
    [
      'a role after "of"',
      'The secretary of state and party leader said it was "a mistake" then.',
      'the secretary of state and party leader',
    ],
  ])('keeps %s as written, not one of its capitalised words', (_name, text, speaker) => {
    expect(quotation([text], 'a mistake').speaker).toBe(speaker);
  });

  it('gives a surname that is also a country the person of that name, or the word as written', () => {
    expect(quotation(['"We have a deal," Jordan said.'], 'We have').speaker).toBe('Jordan');
    expect(
      quotation(['Rep. Dana Jordan spoke first.', '"We have a deal," Jordan said.'], 'We have').speaker,
    ).toBe('Dana Jordan');
  });

  it('gives the reporter, not the one reported, in "X pointed to reports that Y called it “…”"', () => {
    const paragraphs = [
      'Ilse Brand has not spoken of the port since Monday.',
      'That was when she pointed to reports that Voss called the plan “a costly mistake.”',
    ];
    expect(quotation(paragraphs, 'a costly').speaker).toBe('Ilse Brand');
    expect(quotation(['Ilse Brand pointed out that "the port is late."'], 'the port').speaker).toBe(
      'Ilse Brand',
    );
  });

  it('takes no plural noun as the subject of a singular verb', () => {
    const quotes = extractQuotations(['Preys on old grudges and calls rivals "cowards" and "losers."']);
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['cowards', null],
      ['losers.', null],
    ]);
    expect(quotation(['Critics said the plan was "a costly mistake."'], 'a costly').speaker).toBe('Critics');
  });

  it('does not join two names with "and" into one speaker', () => {
    expect(quotation(['Kovac and Voss said it was "a mistake" then.'], 'a mistake').speaker).toBe('Voss');
  });

  it('gives null, not a guess, for a pronoun with nobody before it', () => {
    expect(quotation(['"We will stop the talks," he said.'], 'We will').speaker).toBeNull();
  });

  it('never returns a pronoun as the speaker', () => {
    const quotes = extractQuotations(['"Yes," they said.', '"No," it said.', '"Maybe," she said.']);
    expect(quotes).toHaveLength(3);
    for (const quote of quotes) expect(quote.speaker ?? '').not.toMatch(/^(?:he|she|it|they)$/i);
  });
});

describe('extractQuotations: institutions and their statements', () => {
  const paragraphs = [
    'The Ruritanian press service of the Palace issued a statement on Monday.',
    '"The talks were useful," the Foreign Ministry said in a statement.',
    '"Both sides agreed to meet again," it said.',
    '"Trade was discussed," the statement continues.',
  ];

  it('takes the institution as written', () => {
    const found = quotation(paragraphs, 'The talks');
    expect(found.speaker).toBe('the Foreign Ministry');
    expect(found.cue).toBe('said in a statement');
  });

  it('gives "it said" and "the statement continues" the institution that issued the statement', () => {
    expect(quotation(paragraphs, 'Both sides').speaker).toBe('the Foreign Ministry');
    expect(quotation(paragraphs, 'Trade was').speaker).toBe('the Foreign Ministry');
  });

  it('gives null for "it said" when the statement was issued more than a paragraph back', () => {
    const far = [
      '"The talks were useful," the Foreign Ministry said in a statement.',
      'The port reopened on Monday. Ships came back.',
      '"Both sides agreed to meet again," it said.',
    ];
    expect(quotation(far, 'Both sides').speaker).toBeNull();
  });

  it('carries the issuer on through a quotation "said in a statement"', () => {
    const carried = [
      'This is stated in the statement of the Harbour Authority on Monday.',
      '“Ships will dock again. Cargo will move. Fees will fall”, – said in a statement.',
      'It also notes that the port “will reopen in May”.',
    ];
    expect(quotation(carried, 'Ships will').speaker).toBe('the Harbour Authority');
    expect(quotation(carried, 'will reopen').speaker).toBe('the Harbour Authority');
  });

  it('reads "reads the statement of X"', () => {
    const found = quotation(
      ['"Progress is needed," reads the statement of the Harbour Authority.'],
      'Progress',
    );
    expect(found.speaker).toBe('the Harbour Authority');
  });
});

describe('extractQuotations: what is not a quotation', () => {
  it.each([
    ['a scare quote', 'The so-called "reform" passed on Tuesday.'],
    ['a title', 'Kovac read "War and Peace" on the train.'],
    ['Russian text with no quotation marks', 'Президент заявил, что переговоры продолжатся.'],
    ['a show’s title', 'Voss said on Fox News’s “Fox and Friends.” that the port would open.'],
    ['a book’s title', 'The book, “Make Your Kid a Millionaire,” sold well.'],
    ['a programme’s title', 'Callers to his "Keepin\' It Real" radio program were angry.'],
    ['markup attributes', '<tweet timestamp="1474387200" id="77825794">The port is open.</tweet>'],
  ])('finds none in %s', (_name, text) => {
    expect(extractQuotations([text])).toEqual([]);
  });

  it('keeps a nickname in title case given with a speech verb', () => {
    expect(
      quotation(['Voss called the pageant winner “Miss Piggy” in a speech.'], 'Miss Piggy').speaker,
    ).toBe('Voss');
  });

  it('keeps offsets and text consistent, and marks partial quotations', () => {
    const paragraphs = [
      'Kovac called the plan "a costly mistake" on Monday.',
      '"We will appeal," Kovac said.',
    ];
    for (const quote of extractQuotations(paragraphs)) {
      expect(paragraphs[quote.paragraph]!.slice(quote.start, quote.end)).toBe(quote.text);
    }
    expect(quotation(paragraphs, 'a costly').partial).toBe(true);
    expect(quotation(paragraphs, 'We will').partial).toBe(false);
  });

  it('marks a quotation that runs on into the next paragraph', () => {
    const paragraphs = ['"First we build the bridge," Kovac said. "Then the road.', '"Then the rail line."'];
    const quotes = extractQuotations(paragraphs);
    expect(quotes.map((quote) => [quote.text, quote.continues ?? false, quote.speaker])).toEqual([
      ['First we build the bridge,', false, 'Kovac'],
      ['Then the road.', true, 'Kovac'],
      ['Then the rail line.', false, 'Kovac'],
    ]);
  });
});
