/**
 * Running a program as a whole process and measuring it from outside: wall-clock seconds and
 * peak resident memory. Peak memory is each process's VmHWM (the kernel's high-water mark of its
 * resident set) read from /proc every 50 ms over the process and all its descendants, summed
 * over the processes seen. VmHWM only grows, so polling misses at most the last 50 ms of growth.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';

export interface MeasuredRun {
  seconds: number;
  /**
   * CPU time (user + system) of the process tree, seconds: the work done, whatever share of the
   * machine the run got (on a busy machine wall-clock time measures the neighbours too).
   */
  cpuSeconds: number;
  /** Sum over the process tree of each process's peak resident set, in bytes. */
  peakBytes: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Reads one `Vm…:   1234 kB` line of /proc/PID/status, in bytes; 0 when the process is gone. */
export function procStatusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

const clockTicks = 100;

/** CPU seconds (user + system) a process has used so far; 0 when it is gone. */
export function procCpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is the 3rd, utime the 14th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return 0;
  }
}

/** The process and its descendants still alive. */
export function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${tree[i]}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        const children = fs.readFileSync(`/proc/${tree[i]}/task/${task}/children`, 'utf8');
        for (const child of children.split(' ').filter(Boolean)) tree.push(Number(child));
      } catch {
        // The task ended between the two reads.
      }
    }
  }
  return tree;
}

/**
 * Resident memory now of the process and its descendants, in bytes, and how much of it is the
 * file `mapped` (the index SQLite maps: pages of the system's shared, reclaimable file cache).
 */
export function treeResidentBytes(pid: number, mapped: string): { resident: number; mappedFile: number } {
  let resident = 0;
  let mappedFile = 0;
  for (const member of processTree(pid)) {
    resident += procStatusBytes(member, 'VmRSS');
    mappedFile += mappedResidentBytes(member, mapped);
  }
  return { resident, mappedFile };
}

/** Resident bytes of the process's mappings of `file`, from /proc/PID/smaps; 0 when it is gone. */
function mappedResidentBytes(pid: number, file: string): number {
  let smaps: string;
  try {
    smaps = fs.readFileSync(`/proc/${pid}/smaps`, 'utf8');
  } catch {
    return 0;
  }
  let bytes = 0;
  let inFile = false;
  for (const line of smaps.split('\n')) {
    // A mapping's header: `start-end perms offset dev inode path`; its fields follow it.
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (header) inFile = header[1] === file;
    else if (inFile && line.startsWith('Rss:')) bytes += Number(/(\d+) kB/.exec(line)?.[1] ?? 0) * 1024;
  }
  return bytes;
}

/** Follows a process tree's peak memory (and CPU time) until stopped. */
export class PeakMemoryWatch {
  private readonly peaks = new Map<number, number>();
  private readonly cpu = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 50,
  ) {
    this.poll();
    this.timer = setInterval(() => this.poll(), intervalMs);
  }

  private poll(): void {
    for (const member of processTree(this.pid)) {
      const peak = procStatusBytes(member, 'VmHWM');
      if (peak > (this.peaks.get(member) ?? 0)) this.peaks.set(member, peak);
      const cpu = procCpuSeconds(member);
      if (cpu > (this.cpu.get(member) ?? 0)) this.cpu.set(member, cpu);
    }
  }

  /** Stops polling; the sum of every process's peak. */
  stop(): number {
    clearInterval(this.timer);
    let sum = 0;
    for (const peak of this.peaks.values()) sum += peak;
    return sum;
  }

  /** CPU seconds of every process seen, as last read (up to one interval short of the end). */
  cpuSeconds(): number {
    let sum = 0;
    for (const seconds of this.cpu.values()) sum += seconds;
    return sum;
  }

  /** Takes a last reading (call before the process exits, when possible) without stopping. */
  sample(): void {
    this.poll();
  }
}

/** Runs a program to its end, measuring wall-clock time and peak memory of its process tree. */
export function runMeasured(command: string, args: string[], options: RunOptions = {}): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child: ChildProcess = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const watch = new PeakMemoryWatch(child.pid!);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      watch.stop();
      reject(error);
    });
    child.on('close', (exitCode) => {
      const seconds = (performance.now() - started) / 1000;
      resolve({
        seconds,
        cpuSeconds: watch.cpuSeconds(),
        peakBytes: watch.stop(),
        exitCode,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/**
 * The command line that runs a compiled file of the project (dist/, what production runs: `npm
 * run build` first) with this Node, as one process.
 */
export function nodeCommand(
  script: string,
  args: string[] = [],
  nodeFlags: string[] = [],
): [string, string[]] {
  return [process.execPath, [...nodeFlags, script, ...args]];
}

/** The command line that runs a TypeScript file with this Node and the tsx loader, as one process. */
export function tsxCommand(
  script: string,
  args: string[] = [],
  nodeFlags: string[] = [],
): [string, string[]] {
  return [process.execPath, [...nodeFlags, '--import', 'tsx', script, ...args]];
}
