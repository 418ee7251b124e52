/**
 * Measurements of shell commands: hyperfine's medians, and one build under GNU time for its peak
 * memory (which also tells whether the build works at all, and how long one takes).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

export const GNU_TIME = '/usr/bin/time';

/** hyperfine's median of each command, in seconds, all timed side by side. */
export function hyperfine(
  commands: Record<string, string>,
  runs: number,
  json: string,
  outputs: string,
): Record<string, number> {
  // Before each run, the old sites that scholarsite deletes in a detached process after it ends
  // are gone, and `sync` has flushed what the previous run wrote: neither is billed to this run.
  const prepare = `while [ -n "$(find ${outputs} -maxdepth 1 -name '.*trash-*' -print -quit)" ]; do sleep 0.05; done; sync`;
  const args = ['--runs', String(runs), '--warmup', '1', '--prepare', prepare, '--export-json', json];
  args.push('--style', 'none');
  for (const [name, command] of Object.entries(commands)) args.push('-n', name, command);
  execFileSync('hyperfine', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const results = JSON.parse(readFileSync(json, 'utf8')).results as { command: string; median: number }[];
  return Object.fromEntries(results.map((result) => [result.command, result.median]));
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
