/**
 * CPU profiles for the benchmark's `--profile DIR`: child processes get node's `--cpu-prof`, the
 * in-process readout() phase is profiled through the inspector, and each profile is summarised
 * as the functions that took the most time (self, and inclusive for the project's own code).
 * Open the .cpuprofile files in Chrome DevTools or VS Code for the whole picture.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Node flags that make a child process write its CPU profile into `dir`. */
export function cpuProfileFlags(dir: string | undefined): string[] {
  if (!dir) return [];
  fs.mkdirSync(dir, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`];
}

/** Profiles `run` in this process and writes `file` (.cpuprofile). */
export async function profileInProcess<T>(file: string, run: () => Promise<T>): Promise<T> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

function label(node: ProfileNode, root: string): string {
  const { functionName, url } = node.callFrame;
  const where = url.replace(/^file:\/\//, '').replace(root, '');
  return `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
}

/**
 * The `top` functions by self time, then the project's own functions (under `root`, outside
 * node_modules) by inclusive time, as printable lines. Native SQLite time shows as self time of
 * the JavaScript function that called into it.
 */
export function summariseProfile(file: string, root: string, top = 12): string[] {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((sample, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    const leaf = nodes.get(sample)!;
    self.set(label(leaf, root), (self.get(label(leaf, root)) ?? 0) + delta);
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parents.get(id)) {
      const node = nodes.get(id)!;
      const url = node.callFrame.url;
      if (!url.includes(root) || url.includes('node_modules')) continue;
      const key = label(node, root);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + delta);
    }
  });
  const lines = (entries: Map<string, number>) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([key, micros]) =>
          `${(micros / 1e6).toFixed(2).padStart(7)} s ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${key.slice(0, 140)}`,
      );
  return [
    `profile of ${path.basename(path.dirname(file))} (${path.basename(file)}): ${(total / 1e6).toFixed(1)} s sampled`,
    '  self time:',
    ...lines(self).map((line) => `  ${line}`),
    '  inclusive, project code:',
    ...lines(inclusive).map((line) => `  ${line}`),
  ];
}

/** Summaries of every .cpuprofile in `dir`. */
export function summariseProfiles(dir: string, root: string, top = 8): string[] {
  if (!fs.existsSync(dir)) return [];
  return (
    fs
      .readdirSync(dir)
      // CPU.date.time.pid.thread.seq.cpuprofile: thread 0 is the main thread; the others are the
      // tsx loader's worker, idle once modules are loaded.
      .filter(
        (name) =>
          name.endsWith('.cpuprofile') && (name === 'readout.cpuprofile' || name.split('.')[4] === '0'),
      )
      .sort()
      .flatMap((name) => summariseProfile(path.join(dir, name), root, top))
  );
}
