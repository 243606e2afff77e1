/** Runs the project's scripts as real processes (as an admin or cron would). */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';

export interface ScriptResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Environment with no Slack credentials or Readout settings from the developer's shell. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('SLACK_') && !key.startsWith('READOUT_')) env[key] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/**
 * The command that runs a project entry point (`scripts/reindex.ts`, `src/main.ts`) as production
 * does: its compiled JavaScript under dist/ (built by test/global-setup.ts), with plain node.
 */
export function nodeCommand(script: string, args: string[] = []): [string, string[]] {
  const compiled = path.join(projectRoot, 'dist', script.replace(/\.ts$/, '.js'));
  return [process.execPath, [compiled, ...args]];
}

/** Starts `scripts/NAME.ts` (or another entry point of the project), compiled. */
export function startScript(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const [command, commandArgs] = nodeCommand(script, args);
  return spawn(command, commandArgs, {
    cwd: projectRoot,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export function runScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  input?: string,
): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = startScript(script, args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    child.stdin!.end(input ?? '');
  });
}
