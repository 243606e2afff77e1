/**
 * `npm start` as a real process (node dist/src/main.js) with a clean environment, for the tests
 * of console mode, Socket Mode and the fail-fast errors: started with its input on a pipe, or at
 * a pseudo-terminal (util-linux `script`), its output collected, waited for by event.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { projectRoot } from '../../src/paths.js';
import { nodeCommand } from '../support/run-script.js';

// Every variable Readout reads, set empty so neither the caller's environment nor a developer's
// .env (dotenv never overrides a variable that is set) can change the mode under test.
const readoutVariables = [
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_API_URL',
  'PORT',
  'READOUT_DB',
  'READOUT_ARTICLES',
  'READOUT_ALIASES',
  'READOUT_RATE_LIMIT',
  'READOUT_CHANNELS',
  'LOG_LEVEL',
];

function cleanEnv(env: Record<string, string>): Record<string, string> {
  const clean: Record<string, string> = { PATH: process.env.PATH ?? '', NO_COLOR: '1' };
  for (const name of readoutVariables) clean[name] = '';
  return { ...clean, ...env };
}

/** Starts `npm start`'s process with only `env` set, its input and output on pipes. */
export function startMain(env: Record<string, string>): ChildProcess {
  const [command, args] = nodeCommand('src/main.ts');
  return spawn(command, args, { cwd: projectRoot, env: cleanEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Whether util-linux `script` is here to give a process a pseudo-terminal. */
export function canStartAtTerminal(): boolean {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * Starts `npm start`'s process at a pseudo-terminal `columns` wide: `script` relays what is
 * written to its input as keys typed there (Ctrl-C as a key, not a signal) and exits with the
 * process's status.
 */
export function startMainAtTerminal(env: Record<string, string>, columns: number): ChildProcess {
  const [node, args] = nodeCommand('src/main.ts');
  const command = `stty cols ${columns} rows 40; exec ${[node, ...args].map(shellQuote).join(' ')}`;
  return spawn('script', ['--quiet', '--return', '--flush', '--command', command, '/dev/null'], {
    cwd: projectRoot,
    env: cleanEnv(env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Collects a process's output; `waitFor` resolves once stdout holds `text` `count` times. */
export function collect(child: ChildProcess) {
  let stdout = '';
  let stderr = '';
  const waiting: Array<() => void> = [];
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
    for (const check of waiting.splice(0)) check();
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<Finished>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  const waitFor = (text: string, count = 1) =>
    Promise.race([
      new Promise<void>((resolve) => {
        const check = () => (stdout.split(text).length > count ? resolve() : waiting.push(check));
        check();
      }),
      exited.then((result) => {
        throw new Error(`readout exited (${result.code}) before printing ${text}: ${result.stderr}`);
      }),
    ]);
  return { output: (): Finished => ({ code: null, stdout, stderr }), exited, waitFor };
}

/** Runs `npm start` to the end of `stdin`. */
export async function runMain(env: Record<string, string>, stdin = ''): Promise<Finished> {
  const child = startMain(env);
  const { exited } = collect(child);
  child.stdin?.end(stdin);
  return exited;
}
