/**
 * `npm run bench [-- --pages 1000] [--site DIR] [--runs N]`: build times of scholarsite and,
 * when installed, Jekyll (hyperfine, medians, side by side), on a synthetic blog and optionally
 * on a real site; then `serve`'s time from saving a post to the rebuilt file and to the reload
 * event. Prints one table. Never run as a test: these machines are shared and noisy.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median, serveLatency } from './serve-latency.ts';
import { writeJekyllWorkload } from './workload.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '1000' },
    site: { type: 'string' },
    runs: { type: 'string', default: '5' },
  },
});
const BIN = path.resolve(import.meta.dirname, '../../bin/scholarsite.js');
const work = mkdtempSync(path.join(os.tmpdir(), 'scholarsite-bench-'));
const runs = Number(values.runs);
const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const rows: string[][] = [];

/** hyperfine's median of each command, in seconds. */
function hyperfine(commands: Record<string, string>, prepare?: string): Record<string, number> {
  const json = path.join(work, 'hyperfine.json');
  // `sync` before each run: files the previous run wrote are flushed first, not billed to this one.
  const args = ['--runs', String(runs), '--warmup', '1', '--export-json', json, '--style', 'none'];
  args.push('--prepare', prepare ?? 'sync');
  for (const [name, command] of Object.entries(commands)) args.push('-n', name, command);
  execFileSync('hyperfine', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const results = JSON.parse(readFileSync(json, 'utf8')).results as { command: string; median: number }[];
  return Object.fromEntries(results.map((result) => [result.command, result.median]));
}

function compareBuilds(label: string, source: string): void {
  if (!has('hyperfine')) {
    rows.push([label, 'hyperfine not installed (apt-get install hyperfine)', '', '']);
    return;
  }
  const commands: Record<string, string> = {
    'scholarsite cold': `node ${BIN} build -q --disable-disk-cache -s ${source} -d ${work}/out-cold`,
    'scholarsite cached': `node ${BIN} build -q -s ${source} -d ${work}/out-cached`,
  };
  if (has('jekyll')) commands.jekyll = `jekyll build -q --disable-disk-cache -s ${source} -d ${work}/out-j`;
  const medians = hyperfine(commands);
  const jekyll = medians.jekyll;
  for (const [name, seconds] of Object.entries(medians)) {
    const ratio = jekyll && name !== 'jekyll' ? `${(jekyll / seconds).toFixed(2)}x` : '';
    rows.push([label, name, `${seconds.toFixed(3)} s`, ratio]);
  }
}

const pages = Number(values.pages);
const blog = path.join(work, `blog-${pages}`);
writeJekyllWorkload(blog, pages);
compareBuilds(`synthetic blog, ${pages} posts`, blog);

if (values.site) {
  const copy = path.join(work, 'site');
  cpSync(path.resolve(values.site), copy, { recursive: true });
  rmSync(path.join(copy, '_site'), { recursive: true, force: true });
  compareBuilds(path.basename(path.resolve(values.site)), copy);
}

const latency = await serveLatency(path.join(work, 'serve'), pages);
rows.push([
  `serve, ${pages} posts`,
  'save → rebuilt file on disk',
  `${median(latency.toDisk).toFixed(1)} ms`,
  '',
]);
rows.push([`serve, ${pages} posts`, 'save → reload event', `${median(latency.toEvent).toFixed(1)} ms`, '']);

const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`\n${new Date().toISOString().slice(0, 10)}, ${machine}, medians of ${runs} runs\n`);
console.log('| workload | tool | median | speed-up over Jekyll |');
console.log('| --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
if (!existsSync(BIN)) console.log('(run `npm run build` first)');
rmSync(work, { recursive: true, force: true });
