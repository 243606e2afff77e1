/**
 * The arguments of `npm run readout`. A reporter types a query as in Slack, `putin -trump` or
 * `-"white house" obama`, so a leading `-` belongs to the query: only the few options below are
 * options, wherever they stand, and every other argument is query text. node:util's parseArgs
 * reads `-trump` as the short options -t -r -u -m -p and stops with "Unknown option '-t'".
 */

/** What the command line asks for; `limit` and `offset` as typed, checked by the caller. */
export interface ReadoutArgs {
  json: boolean;
  help: boolean;
  limit?: string;
  offset?: string;
  /** The query, its arguments joined by spaces. */
  query: string;
}

/** The arguments, or the usage error to report (exit status 2). */
export type ParsedArgs = { ok: true; args: ReadoutArgs } | { ok: false; error: string };

const flags = { '--json': 'json', '--help': 'help', '-h': 'help' } as const;
const valued = { '--limit': 'limit', '--offset': 'offset' } as const;

const isFlag = (name: string): name is keyof typeof flags => Object.hasOwn(flags, name);
const isValued = (name: string): name is keyof typeof valued => Object.hasOwn(valued, name);

/**
 * Reads the arguments: `--json`, `--help`/`-h`, `--limit N`, `--offset N` (or `--limit=N`) are
 * options; `--` ends them; another `--name` is an error (a mistyped option should not be
 * searched for); everything else, `-word` and `-"a phrase"` included, is the query.
 *
 * @example parseReadoutArgs(['putin', '-trump', '--json']) // { ok: true, args: { json: true, query: 'putin -trump', … } }
 */
export function parseReadoutArgs(argv: readonly string[]): ParsedArgs {
  const args: ReadoutArgs = { json: false, help: false, query: '' };
  const query: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      query.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') && arg !== '-h') {
      query.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (isFlag(name)) {
      if (equals !== -1) return { ok: false, error: `${name} takes no value` };
      args[flags[name]] = true;
    } else if (isValued(name)) {
      const value = equals === -1 ? argv[++i] : arg.slice(equals + 1);
      if (value === undefined || value === '') return { ok: false, error: `${name} needs a number` };
      args[valued[name]] = value;
    } else {
      return { ok: false, error: `unknown option ${name} (to search for it, put it after --)` };
    }
  }
  args.query = query.join(' ').trim();
  return { ok: true, args };
}
