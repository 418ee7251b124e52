/**
 * `npm run compat -- SITE_DIR [--golden DIR] [--diff N] [--keep] [--again] [--mode M]`: build a site
 * with scholarsite and with Jekyll (when installed), compare page by page, end with `equal: X/Y`.
 * `--mode github-pages|plain|auto` (auto: as the site's repository says; see github-pages.ts).
 * `--again` compares scholarsite's second build, made from what the first kept in its cache.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareTrees } from './compare.ts';
import { copySite } from './copy-site.ts';
import { compatMode, jekyllEnv, scholarsiteFlags } from './github-pages.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/scholarsite.js');
const notes: string[] = [];

function run(
  command: string,
  args: string[],
  cwd: string,
  env = process.env,
): { ok: boolean; output: string; ms: number } {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env });
  return {
    ok: result.status === 0,
    output: `${result.stdout}${result.stderr}`,
    ms: performance.now() - started,
  };
}

function hasJekyll(): boolean {
  return spawnSync('jekyll', ['--version'], { encoding: 'utf8' }).status === 0;
}

export function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      golden: { type: 'string' },
      diff: { type: 'string', default: '20' },
      keep: { type: 'boolean' },
      all: { type: 'boolean' },
      again: { type: 'boolean' },
      mode: { type: 'string', default: 'auto' },
    },
  });
  const site = positionals[0];
  if (!site || !existsSync(site)) {
    console.error('Usage: npm run compat -- SITE_DIR [--golden DIR] [--diff N] [--keep] [--all] [--again]');
    return 2;
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'scholarsite-compat-'));
  const source = path.resolve(site);
  const ours = path.join(work, 'scholarsite');
  const started = Date.now();
  const mode = compatMode(source, values.mode);
  console.log(`mode: ${mode}`);
  const args = [
    BIN,
    'build',
    '-s',
    copySite(source, path.join(work, 'a'), notes),
    '-d',
    ours,
    ...scholarsiteFlags(mode),
  ];
  let mine = run(process.execPath, args, work);
  console.log(`scholarsite build: ${mine.ok ? 'ok' : 'FAILED'} (${(mine.ms / 1000).toFixed(2)} s)`);
  if (mine.ok && values.again) {
    // The build a user runs next: from what the first one kept in .jekyll-cache.
    mine = run(process.execPath, args, work);
    console.log(`scholarsite build again: ${mine.ok ? 'ok' : 'FAILED'} (${(mine.ms / 1000).toFixed(2)} s)`);
  }
  if (!mine.ok) console.log(mine.output);

  let expected = values.golden ? path.resolve(values.golden) : undefined;
  if (!expected) {
    if (!hasJekyll()) {
      console.error('jekyll is not installed: pass --golden DIR to compare with a saved Jekyll build.');
      return 2;
    }
    expected = path.join(work, 'jekyll');
    const theirs = run(
      'jekyll',
      ['build', '-s', copySite(source, path.join(work, 'b'), notes), '-d', expected],
      work,
      jekyllEnv(mode),
    );
    console.log(`jekyll build: ${theirs.ok ? 'ok' : 'FAILED'} (${(theirs.ms / 1000).toFixed(2)} s)`);
    if (!theirs.ok) {
      console.log(theirs.output);
      return 2;
    }
  }
  if (!mine.ok) return 1;
  for (const note of new Set(notes)) console.log(`note: for both builds, ${note}`);

  const results = compareTrees(expected, ours, { expected: started, actual: started });
  let shown = 0;
  const limit = Number(values.diff);
  for (const result of results) {
    if (result.verdict === 'equal' && !values.all) continue;
    console.log(`${result.verdict.padEnd(9)} ${result.file}`);
    if (result.diff && shown++ < limit) console.log(result.diff.replace(/^/gm, '    '));
  }
  const compared = results.filter((r) => r.verdict !== 'extra');
  const equal = compared.filter((r) => r.verdict === 'equal').length;
  console.log(`equal: ${equal}/${compared.length}`);
  if (values.keep) console.log(`kept: ${work}`);
  else rmSync(work, { recursive: true, force: true });
  return 0;
}

process.exitCode = main(process.argv.slice(2));
