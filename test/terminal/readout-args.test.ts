import { describe, expect, it } from 'vitest';
import { parseReadoutArgs, type ReadoutArgs } from '../../src/terminal/readout-args.js';

const read = (query: string, options: Partial<ReadoutArgs> = {}) => ({
  ok: true,
  args: { json: false, help: false, query, ...options },
});

describe('parseReadoutArgs', () => {
  it.each<[string[], ReturnType<typeof read>]>([
    [['putin', '-trump'], read('putin -trump')],
    [['-trump', 'putin'], read('-trump putin')],
    [['obama', '-"white house"'], read('obama -"white house"')],
    [['-', 'x'], read('- x')],
    [['-j', '-x'], read('-j -x')],
    [['putin', '--json', '-trump'], read('putin -trump', { json: true })],
    [['--limit', '3', 'putin', '--offset', '5'], read('putin', { limit: '3', offset: '5' })],
    [['--limit=3', '--offset=0', 'putin'], read('putin', { limit: '3', offset: '0' })],
    [['--limit', '-3', 'putin'], read('putin', { limit: '-3' })],
    [['-h'], read('', { help: true })],
    [['--help', 'putin'], read('putin', { help: true })],
    [['putin', '--', '--json', '-h'], read('putin --json -h', {})],
    [['--json', '--', '--limit'], read('--limit', { json: true })],
    [[], read('')],
    [['  putin  '], read('putin')],
  ])('reads %j', (argv, expected) => {
    expect(parseReadoutArgs(argv)).toEqual(expected);
  });

  it.each([
    [['--bogus', 'putin'], 'unknown option --bogus (to search for it, put it after --)'],
    [['putin', '--jsn'], 'unknown option --jsn (to search for it, put it after --)'],
    [['--limit'], '--limit needs a number'],
    [['--offset='], '--offset needs a number'],
    [['--json=yes'], '--json takes no value'],
  ])('rejects %j', (argv, error) => {
    expect(parseReadoutArgs(argv)).toEqual({ ok: false, error });
  });
});
