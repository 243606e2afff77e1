/**
 * The layers of src/, lowest first; a layer imports only from layers below it (`npm run lint`
 * fails otherwise). See docs/ARCHITECTURE.md.
 *
 *   errors, paths, log, config     shared by everything
 *   text/                          words, sentences, whitespace, partial dates
 *   index/                         the only home of the index's SQL (and of better-sqlite3)
 *   state/                         the bot's own database (saved searches, feedback): its SQL
 *   ingest/   search/              beside each other: they never import each other
 *   readout.ts                     the one path: query text → data
 *   serving/                       readout() as a service: the live read-only index, the search
 *                                  threads; composed by the front ends (main.ts, terminal/)
 *   slack/ui/   terminal (text)    renderers of readout() data
 *   slack/transport/               Bolt receivers, web client, Slack errors, limits
 *   slack/alerts/                  saved searches: noticing a re-index, posting what is new
 *   slack/listeners/  slack/app.ts one handler per file; the app wires them to a receiver
 *   terminal/  main.ts  scripts/   thin front ends
 */
const layer = (name, path, forbidden) => ({
  name,
  severity: 'error',
  from: { path },
  to: { path: forbidden },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    layer('base-is-the-bottom', '^src/(errors|paths|log)\\.ts$', '^src/(?!errors|paths|log)'),
    layer('text-is-below-everything', '^src/text/', '^src/(index|state|ingest|search|readout|serving|slack|terminal|config|main)'),
    layer('index-is-below-ingest-and-search', '^src/index/', '^src/(state|ingest|search|readout|serving|slack|terminal|main)'),
    layer('state-is-beside-the-index', '^src/state/', '^src/(ingest|search|readout|serving|slack|terminal|main)'),
    layer('ingest-never-imports-search', '^src/ingest/', '^src/(state|search|readout|serving|slack|terminal|main)'),
    layer('search-never-imports-ingest', '^src/search/', '^src/(state|ingest|readout|serving|slack|terminal|main)'),
    layer('readout-has-no-slack-or-ingest', '^src/readout\\.ts$', '^src/(state|ingest|serving|slack|terminal|main)'),
    layer('serving-has-no-slack-or-ingest', '^src/serving/', '^src/(state|ingest|slack|terminal|main)'),
    layer('only-front-ends-compose-serving', '^src/(?!serving/|terminal/|main)', '^src/serving/'),
    layer('ui-is-pure-rendering', '^src/slack/ui/', '^src/(ingest|serving|slack/transport|slack/listeners|slack/alerts|slack/app|terminal|main)'),
    layer('transport-is-not-logic', '^src/slack/transport/', '^src/(state|ingest|readout|serving|slack/listeners|slack/alerts|slack/app|slack/ui|terminal|main)'),
    layer('listeners-do-not-index', '^src/slack/listeners/', '^src/(ingest|slack/app|terminal|main)'),
    layer('alerts-are-not-listeners', '^src/slack/alerts/', '^src/(ingest|slack/listeners|slack/app|terminal|main)'),
    layer('nothing-imports-the-front-ends', '^src/(?!terminal|main)', '^src/(terminal|main)'),
    {
      name: 'sqlite-only-in-the-index-layer',
      comment: 'Only src/index and src/state talk to SQLite; everything else goes through their modules.',
      severity: 'error',
      from: { path: '^src/(?!index/|state/)' },
      to: { path: 'better-sqlite3' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
