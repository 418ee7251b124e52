/**
 * `npm run compat -- SITE_DIR [--golden DIR] [--diff N] [--keep] [--all] [--again] [--mode M]`:
 * build a site with scholarsite and with Jekyll (when installed), compare page by page, end with
 * `equal: X/Y`. `--again` compares scholarsite's second build, made from what the first kept in
 * its cache.
 *
 * `npm run compat -- --corpus [LIST] [--only REGEX] [--report DIR] [--again] [--mode M]`: the
 * same for every site of the corpus list (tools/compat/corpus.tsv), one table and a TOTAL line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildWithJekyll,
  buildWithScholarsite,
  MODES,
  modeUnavailable,
  type RequestedMode,
} from './builders.ts';
import { compareTrees } from './compare.ts';
import { copySite } from './copy-site.ts';
import { DEFAULT_LIST, runCorpus } from './corpus.ts';
import { compatMode } from './github-pages.ts';
import { DEFAULT_MIRROR } from './mirror.ts';

const USAGE = `Usage:
  npm run compat -- SITE_DIR [--golden DIR] [--diff N] [--keep] [--all] [--again] [--mode auto|plain|github-pages]
  npm run compat -- --corpus [LIST.tsv] [--only REGEX] [--report DIR] [--again] [--keep] [--mirror DIR] [--jobs N] [--mode auto|plain|github-pages]`;

function hasJekyll(): boolean {
  return spawnSync('jekyll', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** `--corpus` takes an optional value: the list, when the next word is not an option. */
function takeCorpus(argv: string[]): { argv: string[]; corpus?: string } {
  const at = argv.indexOf('--corpus');
  if (at < 0) return { argv };
  const value = argv[at + 1];
  const list = value !== undefined && !value.startsWith('-') ? value : undefined;
  return {
    argv: argv.filter((_, i) => i !== at && (list === undefined || i !== at + 1)),
    corpus: list ?? DEFAULT_LIST,
  };
}

async function compareOneSite(
  site: string,
  values: Record<string, string | boolean | undefined>,
  requested: RequestedMode,
) {
  const notes: string[] = [];
  const work = mkdtempSync(path.join(os.tmpdir(), 'scholarsite-compat-'));
  const source = path.resolve(site);
  const mode = compatMode(source, requested);
  console.log(`mode: ${mode}`);
  const ours = path.join(work, 'scholarsite');
  const mine = await buildWithScholarsite(
    copySite(source, path.join(work, 'a'), notes),
    ours,
    mode,
    !!values.again,
  );
  if (mine.first) console.log(`scholarsite build: ok (${mine.first.seconds.toFixed(2)} s)`);
  console.log(
    `scholarsite build${mine.first ? ' again' : ''}: ${mine.ok ? 'ok' : 'FAILED'} (${mine.seconds.toFixed(2)} s)`,
  );
  if (!mine.ok) console.log(mine.output);

  let expected = typeof values.golden === 'string' ? path.resolve(values.golden) : undefined;
  let expectedTime = mine.startedAt;
  if (!expected) {
    if (!hasJekyll()) {
      console.error('jekyll is not installed: pass --golden DIR to compare with a saved Jekyll build.');
      return 2;
    }
    expected = path.join(work, 'jekyll');
    const theirs = await buildWithJekyll(copySite(source, path.join(work, 'b'), notes), expected, mode);
    expectedTime = theirs.startedAt;
    console.log(`jekyll build: ${theirs.ok ? 'ok' : 'FAILED'} (${theirs.seconds.toFixed(2)} s)`);
    if (!theirs.ok) {
      console.log(theirs.output);
      return 2;
    }
  }
  if (!mine.ok) return 1;
  for (const note of new Set(notes)) console.log(`note: for both builds, ${note}`);

  const results = compareTrees(expected, ours, { expected: expectedTime, actual: mine.startedAt });
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

export async function main(argv: string[]): Promise<number> {
  const { argv: rest, corpus } = takeCorpus(argv);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      golden: { type: 'string' },
      diff: { type: 'string', default: '20' },
      keep: { type: 'boolean' },
      all: { type: 'boolean' },
      again: { type: 'boolean' },
      mode: { type: 'string', default: 'auto' },
      only: { type: 'string' },
      report: { type: 'string' },
      mirror: { type: 'string', default: DEFAULT_MIRROR },
      jobs: { type: 'string', default: '2' },
    },
  });
  const mode = values.mode as RequestedMode;
  if (!MODES.includes(mode)) {
    console.error(`--mode ${values.mode}: use one of ${MODES.join(', ')}.\n${USAGE}`);
    return 2;
  }
  const unavailable = modeUnavailable(mode);
  if (unavailable) {
    console.error(unavailable);
    return 2;
  }
  if (corpus) {
    if (!existsSync(corpus)) {
      console.error(`${corpus}: no such corpus list.\n${USAGE}`);
      return 2;
    }
    if (!hasJekyll()) {
      console.error(
        'jekyll is not installed: the corpus is compared with Jekyll (see DESIGN.md for the apt-get line).',
      );
      return 2;
    }
    return runCorpus({
      list: corpus,
      only: values.only ? new RegExp(values.only, 'i') : undefined,
      report: values.report ? path.resolve(values.report) : undefined,
      mode,
      again: !!values.again,
      keep: !!values.keep,
      mirror: values.mirror!,
      jobs: Math.max(1, Number(values.jobs) || 2),
    });
  }
  const site = positionals[0];
  if (!site || !existsSync(site)) {
    console.error(USAGE);
    return 2;
  }
  return compareOneSite(site, values, mode);
}

process.exitCode = await main(process.argv.slice(2));
