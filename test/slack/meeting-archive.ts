/**
 * An invented archive for `/readout compare`: one meeting told by two outlets, each quoting both
 * sides' statements (what only one side mentions is known: the union's overtime pay and lifeboat
 * crews, the board's dredging budget and pilot boat contract), and an older deal the same words
 * match (another event).
 */
import type { FixtureArticle } from './fixture-archive.js';

/** Two outlets' stories of one meeting (each side's statement quoted), and an older deal. */
export const meetingArticles: FixtureArticle[] = [
  {
    file: 'gazette/talks.txt',
    title: 'Harbour board and ferry union hold talks on winter timetable',
    source: 'Coastal Gazette (test)',
    author: 'Desk',
    published: '2022-03-15',
    url: 'https://example.org/gazette/talks',
    paragraphs: [
      "The Harbour Board and the Ferrymen's Union met on Monday to settle the winter timetable of the estuary ferries.",
      '"The board set out the dredging budget and the safety of the night crossings," the Harbour Board said in a statement after the talks.',
      '"We agreed to review the pilot boat contract before the spring tides," the Harbour Board said.',
      `"Our members want overtime pay for the night crossings and a heated shelter at the slipway," the Ferrymen's Union said in its own statement.`,
      `"The union will not accept smaller lifeboat crews on the winter timetable," the Ferrymen's Union said.`,
    ],
  },
  {
    file: 'wire/talks.txt',
    title: 'Ferry talks: board and union give their versions',
    source: 'Estuary Wire (test)',
    author: 'Wire staff',
    published: '2022-03-15',
    url: 'https://example.org/wire/talks',
    paragraphs: [
      "The estuary's ferry operators and their crews held talks on Monday about the winter timetable, and each side issued its own account.",
      '"The dredging budget comes first, and the pilot boat contract will be reviewed," the Harbour Board said.',
      `"Overtime pay for the night crossings is our first demand, and the lifeboat crews must stay as they are," the Ferrymen's Union said.`,
    ],
  },
  {
    file: 'gazette/deal.txt',
    title: 'Harbour board and ferry union sign a pay deal',
    source: 'Coastal Gazette (test)',
    author: 'Desk',
    published: '2019-07-02',
    url: 'https://example.org/gazette/deal',
    paragraphs: [
      "The Harbour Board and the Ferrymen's Union signed a three-year pay deal for the ferry crews on Tuesday, ending talks that began in the spring.",
      '"It is a fair deal for the crews and for the passengers," the Harbour Board said.',
    ],
  },
];
