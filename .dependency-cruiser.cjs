/**
 * The layers of src/, lowest first; a layer imports only from layers below it (`npm run lint`
 * fails otherwise). See docs/ARCHITECTURE.md.
 *
 *   errors, paths, log, config     shared by everything
 *   text/                          words, sentences, whitespace, partial dates
 *   index/                         the only home of SQL (and of better-sqlite3)
 *   ingest/   search/              beside each other: they never import each other
 *   readout.ts                     the one path: query text → data
 *   serving/                       readout() as a service: the live read-only index, the search
 *                                  threads; composed by the front ends (main.ts, terminal/)
 *   slack/ui/   terminal (text)    renderers of readout() data
 *   slack/transport/               Bolt receivers, web client, Slack errors, limits
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
    layer('text-is-below-everything', '^src/text/', '^src/(index|ingest|search|readout|slack|terminal|config|main)'),
    layer('index-is-below-ingest-and-search', '^src/index/', '^src/(ingest|search|readout|slack|terminal|main)'),
    layer('ingest-never-imports-search', '^src/ingest/', '^src/(search|readout|slack|terminal|main)'),
    layer('search-never-imports-ingest', '^src/search/', '^src/(ingest|readout|slack|terminal|main)'),
    layer('readout-has-no-slack-or-ingest', '^src/readout\\.ts$', '^src/(ingest|serving|slack|terminal|main)'),
    layer('serving-has-no-slack-or-ingest', '^src/serving/', '^src/(ingest|slack|terminal|main)'),
    layer('only-front-ends-compose-serving', '^src/(?!serving/|terminal/|main)', '^src/serving/'),
    layer('ui-is-pure-rendering', '^src/slack/ui/', '^src/(ingest|slack/transport|slack/listeners|slack/app|terminal|main)'),
    layer('transport-is-not-logic', '^src/slack/transport/', '^src/(ingest|readout|slack/listeners|slack/app|slack/ui|terminal|main)'),
    layer('listeners-do-not-index', '^src/slack/listeners/', '^src/(ingest|slack/app|terminal|main)'),
    layer('nothing-imports-the-front-ends', '^src/(?!terminal|main)', '^src/(terminal|main)'),
    {
      name: 'sqlite-only-in-the-index-layer',
      comment: 'Only src/index talks to SQLite; everything else goes through its reader and writer.',
      severity: 'error',
      from: { path: '^src/(?!index/)' },
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
