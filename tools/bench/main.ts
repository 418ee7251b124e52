/**
 * `npm run bench [-- --sizes 1000,4000] [--site DIR] [--runs N] [--tools a,b]`: first `serve`'s
 * time from saving a post to the rebuilt file and to the reload event, on a blog of the first
 * size; then build times and peak memory of scholarsite, Jekyll, Hugo and Eleventy (those
 * installed; Eleventy is installed into the work folder) on synthetic blogs of each size, the
 * same posts and pages written for each tool; with `--site`, scholarsite and Jekyll on a real
 * site too. Builds are timed in turns, one run of each tool after the other (see measure.ts); a
 * tool whose runs would take over three minutes gets at most 3. Prints one table, then how each tool's time grows from the smallest size to the largest.
 * `--pages N` is `--sizes N`. `--tools scholarsite,hugo` times only the tools whose names start
 * with one of those words (Jekyll takes over eight minutes a build at 16,000 posts).
 * `--baseline OTHER/bin/scholarsite.js` times another checkout's scholarsite (an earlier commit,
 * built with `npm run build` there) cold, in the same turns: how a change moved the time.
 * Never run as a test: these machines are shared and noisy.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { copySite } from '../compat/copy-site.ts';
import { countPages, GNU_TIME, median, singleBuild, timeInTurns } from './measure.ts';
import { serveLatency } from './serve-latency.ts';
import { chosenTools, type Workload } from './tools.ts';
import { writeEleventyWorkload, writeHugoWorkload, writeJekyllWorkload } from './workload.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,4000' },
    pages: { type: 'string' },
    site: { type: 'string' },
    runs: { type: 'string', default: '5' },
    tools: { type: 'string' },
    baseline: { type: 'string' },
  },
});
const sizes = (values.pages ?? values.sizes).split(',').map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  throw new Error(`--sizes takes post counts separated by commas, not ${values.pages ?? values.sizes}`);
}
const runs = Number(values.runs);
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
/** Longest one tool's timed runs should take on one workload; beyond it, at most 3 runs. */
const RUNS_BUDGET_SECONDS = 180;
const WRITERS: Record<Workload, (root: string, count: number) => void> = {
  jekyll: writeJekyllWorkload,
  hugo: writeHugoWorkload,
  eleventy: writeEleventyWorkload,
};

const BIN = path.resolve(import.meta.dirname, '../../bin/scholarsite.js');
const work = mkdtempSync(path.join(os.tmpdir(), 'scholarsite-bench-'));
const wanted = values.tools?.split(',').map((word) => word.trim());
const tools = chosenTools(work, BIN, wanted, values.baseline && path.resolve(values.baseline));
const rows: string[][] = [];
/** A row of the table, also printed at once (the table comes at the end, after long runs). */
const addRow = (row: string[]) => {
  rows.push(row);
  console.error(`bench: | ${row.join(' | ')} |`);
};
const notes: string[] = [];
// A machine behind a proxy may set NODE_EXTRA_CA_CERTS (these sandboxes do): every Node process
// then reads and parses those certificates as it starts, before any of its code runs (node -e 0:
// 0.12 s with it, 0.065 s without, here). A researcher's machine does not set it, so the timed
// runs go without it; only the Node tools (scholarsite, Eleventy) would have paid it.
if (process.env.NODE_EXTRA_CA_CERTS) {
  delete process.env.NODE_EXTRA_CA_CERTS;
  notes.push(
    'NODE_EXTRA_CA_CERTS was set on this machine: unset for the timed runs (see tools/bench/main.ts)',
  );
}
if (!existsSync(GNU_TIME)) notes.push(`no peak memory: ${GNU_TIME} is missing (apt-get install -y time)`);

/**
 * Times the tools that have a source in `sources`, side by side, and adds their rows; returns
 * each timed tool's median in seconds. `expectedPages`: how many HTML files each should write.
 */
function compareBuilds(
  label: string,
  folder: string,
  sources: Partial<Record<Workload, string>>,
  expectedPages?: number,
): Record<string, number> {
  console.error(`bench: ${label}`);
  const chosen = tools.filter((tool) => sources[tool.workload]);
  const failed = new Map<string, string>();
  const memory = new Map<string, string>();
  const commands: Record<string, string> = {};
  const runsOf: Record<string, number> = {};
  for (const tool of chosen) {
    if (tool.missing) {
      failed.set(tool.name, tool.missing);
      continue;
    }
    const out = path.join(folder, `out-${tool.name.replaceAll(' ', '-')}`);
    const command = tool.command(sources[tool.workload]!, out);
    const report = path.join(work, 'time.txt');
    // Memory is measured on a build like the timed ones: a cached build once its cache is filled.
    if (tool.cached) singleBuild(command, report);
    const build = singleBuild(command, report);
    if (build.failure) {
      failed.set(tool.name, 'build failed');
      notes.push(`${tool.name}, ${label}: build failed, ${build.failure}`);
      continue;
    }
    memory.set(tool.name, build.peakKiB === undefined ? 'n/a' : `${Math.round(build.peakKiB / 1024)} MiB`);
    const pages = countPages(out);
    if (expectedPages !== undefined && pages !== expectedPages) {
      notes.push(`warning: ${tool.name}, ${label}: ${pages} HTML pages written, ${expectedPages} expected`);
    }
    const toolRuns = build.seconds * (runs + 1) > RUNS_BUDGET_SECONDS ? Math.min(runs, 3) : runs;
    if (toolRuns < runs) {
      notes.push(
        `${tool.name}, ${label}: ${toolRuns} runs, not ${runs} (one build took ${build.seconds.toFixed(1)} s)`,
      );
    }
    commands[tool.name] = command;
    runsOf[tool.name] = toolRuns;
  }
  // Before each timed run, the old sites that scholarsite deletes in a detached process after it
  // ends are gone, and `sync` has flushed what the previous run wrote: neither is billed to it.
  const settle = () => {
    while (readdirSync(folder).some((name) => name.includes('.trash-'))) sleep(50);
    execFileSync('sync');
  };
  const medians = timeInTurns(commands, runsOf, settle);
  const cold = medians['scholarsite cold'];
  for (const { name } of chosen) {
    const seconds = medians[name];
    if (seconds === undefined) {
      addRow([label, name, failed.get(name) ?? '', '', '']);
      continue;
    }
    const ratio = cold && name !== 'scholarsite cold' ? `${(seconds / cold).toFixed(2)}x` : '';
    addRow([label, name, `${seconds.toFixed(3)} s`, memory.get(name) ?? '', ratio]);
  }
  return medians;
}

const servePages = sizes[0];
console.error(`bench: serve, ${servePages} posts`);
// First, on a quiet machine: after large builds the system goes on writing back and freeing
// their files for a while (the same day: 49.5 ms measured after 16,000-post builds, 32.4 ms
// after 4,000-post ones).
const serveLabel = `serve, ${servePages} posts`;
try {
  const latency = await serveLatency(path.join(work, 'serve'), servePages);
  addRow([serveLabel, 'save → rebuilt file on disk', `${median(latency.toDisk).toFixed(1)} ms`, '', '']);
  addRow([serveLabel, 'save → reload event', `${median(latency.toEvent).toFixed(1)} ms`, '', '']);
} catch (error) {
  addRow([serveLabel, `failed: ${(error as Error).message}`, '', '', '']);
}

/** Each tool's median seconds at each synthetic size. */
const timesBySize = new Map<number, Record<string, number>>();
for (const size of sizes) {
  const folder = path.join(work, `blog-${size}`);
  const sources: Record<Workload, string> = { jekyll: '', hugo: '', eleventy: '' };
  for (const [workload, write] of Object.entries(WRITERS) as [Workload, typeof writeJekyllWorkload][]) {
    sources[workload] = path.join(folder, workload);
    write(sources[workload], size);
  }
  // Every tool writes one page a post, the home page and the about page.
  timesBySize.set(size, compareBuilds(`synthetic blog, ${size} posts`, folder, sources, size + 2));
  rmSync(folder, { recursive: true, force: true });
}

if (values.site) {
  const folder = path.join(work, 'site');
  const copy = copySite(path.resolve(values.site), folder, notes);
  compareBuilds(path.basename(path.resolve(values.site)), folder, { jekyll: copy });
}

const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`\n${new Date().toISOString().slice(0, 10)}, ${machine}, medians of ${runs} runs`);
console.log(
  "Last column: the tool's median ÷ scholarsite cold's on the same workload (1.80x: scholarsite cold is 1.8 times as fast).",
);
console.log("Peak memory: the largest resident set of any one process of one build (GNU time's %M).\n");
console.log('| workload | tool | median | peak memory | ÷ scholarsite cold |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);

const smallest = Math.min(...sizes);
const largest = Math.max(...sizes);
if (largest > smallest) {
  console.log();
  for (const { name } of tools) {
    const before = timesBySize.get(smallest)?.[name];
    const after = timesBySize.get(largest)?.[name];
    if (before === undefined || after === undefined) continue;
    console.log(
      `growth, ${name}: ${(after / before).toFixed(2)}x the time for ${(largest / smallest).toFixed(2)}x the posts (${smallest} → ${largest})`,
    );
  }
}
if (notes.length) console.log(`\n${notes.join('\n')}`);
if (!existsSync(BIN)) console.log('(run `npm run build` first)');
rmSync(work, { recursive: true, force: true });
