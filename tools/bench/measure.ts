/**
 * Measurements of shell commands: medians of runs taken in turns, and one build under GNU time
 * for its peak memory (which also tells whether the build works at all, and how long one takes).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

export const GNU_TIME = '/usr/bin/time';

/**
 * Each command's median in seconds. The commands are timed in turns: one run of each, then the
 * next round in another order, so that the machine's drift from one minute to the next (runs of
 * one build here differ by 20-40% within the hour) falls on every tool alike, where hyperfine
 * would time all of one command's runs, then all of the next one's. `runs`: how many timed runs
 * each command gets; one untimed run of each comes first. `prepare` runs, untimed, before each.
 */
export function timeInTurns(
  commands: Record<string, string>,
  runs: Record<string, number>,
  prepare: () => void,
): Record<string, number> {
  const names = Object.keys(commands);
  const times = new Map<string, number[]>(names.map((name) => [name, []]));
  const rounds = Math.max(0, ...names.map((name) => runs[name])) + 1;
  for (let round = 0; round < rounds; round++) {
    const order = [...names.slice(round % names.length), ...names.slice(0, round % names.length)];
    for (const name of order) {
      if (round > runs[name]) continue;
      prepare();
      const started = performance.now();
      const run = spawnSync('sh', ['-c', commands[name]], { stdio: 'ignore' });
      const seconds = (performance.now() - started) / 1000;
      if (run.status !== 0) throw new Error(`${name} failed (exit ${run.status}): ${commands[name]}`);
      if (round > 0) times.get(name)!.push(seconds);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(times.get(name)!)]));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface SingleBuild {
  seconds: number;
  /** Largest resident set of any one process of the build, in KiB; absent without GNU time. */
  peakKiB?: number;
  failure?: string;
}

export function singleBuild(command: string, report: string): SingleBuild {
  const timed = existsSync(GNU_TIME);
  const argv = timed ? [GNU_TIME, '-f', '%M', '-o', report, 'sh', '-c', command] : ['sh', '-c', command];
  const started = performance.now();
  const run = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', maxBuffer: 2 ** 28 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    return { seconds, failure: `exit ${run.status}: ${run.error?.message ?? errorLine(run.stderr)}` };
  }
  return { seconds, peakKiB: timed ? Number(readFileSync(report, 'utf8').trim()) : undefined };
}

export function countPages(folder: string): number {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'))
    .length;
}

/** The line of a failed command's messages that names the error, not the stack trace under it. */
export function errorLine(stderr: string | null): string {
  const lines = stripVTControlCharacters(stderr ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.find((line) => /error/i.test(line)) ?? lines.at(-1) ?? 'no message';
}
