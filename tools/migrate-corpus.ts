/**
 * `npm run migrate-corpus -- [--corpus LIST.tsv] [--only REGEX] [--sample N] [--report DIR] [--work DIR] [--mirror DIR] [--again]`
 *
 * Does `scholarsite migrate` leave real sites whole? For each site of the corpus list
 * (tools/compat/corpus.tsv: `repo<TAB>commit<TAB>note`, sources in the mirror folder that the
 * search tool's fetch fills), one at a time:
 *   1. the original, exported at its commit, checked by `scholarsite check --json` (offline);
 *   2. `scholarsite migrate --no-vendor` of that export, checked the same way.
 * Both run with JEKYLL_ENV=production, as GitHub Pages builds. A check's errors are compared by
 * rule and message (and page, when the message does not name what is wrong: see keyOf); an error
 * only the migrated site has is what migrate broke. One table,
 * then the totals. `--report DIR` writes each site's migrate output and new errors there. The
 * exported and migrated sites stay in --work (default: a temporary folder), for screenshots and axe;
 * `--again --work DIR` compares their kept checks anew without running anything again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type CorpusSite, readCorpusList } from './compat/corpus-list.ts';
import { DEFAULT_MIRROR, exportCommit, mirrorGitDir } from './compat/mirror.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/scholarsite.js');
const DEFAULT_LIST = path.join(ROOT, 'tools/compat/corpus.tsv');
const TEN_MINUTES = 10 * 60 * 1000;

interface CheckProblem {
  severity: 'error' | 'warning';
  rule: string;
  message: string;
  file: string;
  output: string;
}

interface Checked {
  /** The site built (the check got past the build). */
  built: boolean;
  errors: CheckProblem[];
  /** The build's own first error, when it failed. */
  failure?: string;
}

interface Row {
  repo: string;
  migrated: boolean;
  original: Checked;
  after?: Checked;
  /** Errors of the migrated site that the original has not, by key. */
  added: string[];
  note?: string;
}

/**
 * No theme (`theme:`, `remote_theme:`) can be fetched offline: the original is built from its own `_layouts`/`_includes`,
 * as academicpages sites carry them (what `npm run compat` does too).
 */
function withoutThemeFromGitHub(site: string): void {
  const file = path.join(site, '_config.yml');
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/^((remote_theme|theme)\s*:.*)$/gm, '# $1'));
}

const ENV = {
  ...process.env,
  JEKYLL_ENV: 'production',
  LANG: process.env.LANG?.includes('UTF-8') ? process.env.LANG : 'C.UTF-8',
};

function scholarsite(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: ENV,
    timeout: TEN_MINUTES,
    maxBuffer: 1 << 28,
  });
}

/**
 * `scholarsite check --json` of `site`; its answer is kept beside the site, as `NAME.check.json`,
 * and read from there instead with `again` (--again: compare anew without checking anew).
 */
function check(site: string, again = false): Checked {
  const saved = `${site}.check.json`;
  let answer: string;
  if (again && existsSync(saved)) answer = readFileSync(saved, 'utf8');
  else {
    const run = scholarsite(['check', '-s', site, '--json', '--quiet']);
    answer = run.stdout ?? '';
    writeFileSync(saved, answer);
    if (!answer.trim()) {
      const last = (run.stderr || String(run.error ?? '')).trim().split('\n').slice(0, 3).join(' ');
      return { built: false, errors: [], failure: last || `exit ${run.status}` };
    }
  }
  let problems: CheckProblem[];
  try {
    problems = (JSON.parse(answer) as { problems: CheckProblem[] }).problems;
  } catch {
    return { built: false, errors: [], failure: 'check gave no answer' };
  }
  const errors = problems.filter((problem) => problem.severity === 'error');
  // A build that fails is reported as its errors, under the rule `build`.
  const failure = errors.find((problem) => problem.rule === 'build');
  return { built: !failure, errors, failure: failure?.message.split('\n')[0] };
}

/** `about/index.html`, `about.html` and `about/` are one page. */
function pagePath(problem: CheckProblem): string {
  const page = problem.output || problem.file || '';
  return (
    page
      .replace(/(^|\/)index\.html?$/, '$1')
      .replace(/\.html?$/, '/')
      .replace(/\/$/, '') || '/'
  );
}

/** Rules whose message names what is wrong (the link's target): one mistake wherever it shows. */
const NAMED_IN_MESSAGE = new Set(['broken-link', 'missing-file', 'missing-image', 'external-link']);

/**
 * What makes two errors one: rule and message, and, when the message is the same on any page
 * (invalid HTML, a duplicate id), the page. A broken link the theme shows on more pages than the
 * old theme did (a paper's missing PDF in the list as well) is still the site's one broken link.
 */
function keyOf(problem: CheckProblem, siteUrl: string): string {
  // academicpages writes its links whole (`{{ base_path }}/cv/` is `https://ada.github.io/cv/`),
  // the theme from the site's root (`/cv/`): one link, said two ways.
  let message = siteUrl ? problem.message.split(siteUrl).join('') : problem.message;
  // `files/a.pdf` (academicpages writes `paperurl` as given) and `/files/a.pdf` (the theme's
  // relative_url) name one missing file.
  message = message.replace(/^(the link to |the redirect to |the image |<\w+ \w+=")(?:\.{1,2}\/|\/)+/, '$1');
  // `{{ base_path }}/x` on a `url` ending in `/` writes `//x`, which GitHub Pages serves as `/x`.
  message = message.replace(/([^:/])\/{2,}/g, '$1/');
  // HTML the content leaves open or nests wrongly is reported by the elements around it, which are
  // the layout's: on one page, one kind of it (html-validate's rule) is one mistake.
  const nesting = /\(html-validate: (close-order|element-permitted-content|element-permitted-parent)\)$/.exec(
    message,
  );
  if (nesting) message = `content HTML: ${nesting[1]}`;
  const page = NAMED_IN_MESSAGE.has(problem.rule) ? '*' : pagePath(problem);
  return `${page} | ${problem.rule} | ${message}`;
}

/** The origin of the site's `url` (`https://ada.github.io`), as its pages write it. */
function siteOrigin(site: string): string {
  const config = path.join(site, '_config.yml');
  const url = existsSync(config)
    ? /^url\s*:\s*["']?(https?:\/\/[^/"'\s#]+)/m.exec(readFileSync(config, 'utf8'))
    : null;
  return url?.[1] ?? '';
}

/** The errors of `after` that `before` has not, each once. */
function addedErrors(before: CheckProblem[], after: CheckProblem[], siteUrl: string): string[] {
  const known = new Set(before.map((problem) => keyOf(problem, siteUrl)));
  return [...new Set(after.map((problem) => keyOf(problem, siteUrl)))].filter((key) => !known.has(key));
}

function measure(site: CorpusSite, mirror: string, work: string, report?: string, again = false): Row {
  const name = site.repo.replace('/', '+');
  const folder = path.join(work, name);
  const original = path.join(folder, 'original');
  const migrated = path.join(folder, 'migrated');
  const empty: Checked = { built: false, errors: [] };
  let migration: { ok: boolean; output: string };
  if (again && existsSync(original)) {
    migration = {
      ok: existsSync(path.join(migrated, '_migration-report.md')),
      output: 'migrate failed before',
    };
  } else {
    rmSync(folder, { recursive: true, force: true });
    const git = mirrorGitDir(site.repo, mirror);
    if (!git)
      return { repo: site.repo, migrated: false, original: empty, added: [], note: 'not in the mirror' };
    exportCommit(git, site.commit, original);
    withoutThemeFromGitHub(original);
    const run = scholarsite(['migrate', original, migrated, '--no-vendor']);
    migration = { ok: run.status === 0, output: run.stdout + run.stderr };
    if (report) writeFileSync(path.join(report, `${name}.migrate.txt`), migration.output);
  }
  const before = check(original, again);
  const row: Row = { repo: site.repo, migrated: migration.ok, original: before, added: [] };
  if (!row.migrated) {
    row.note =
      migration.output
        .trim()
        .split('\n')
        .find((line) => /Error/.test(line)) ?? 'migrate failed';
    return row;
  }
  row.after = check(migrated, again);
  row.added = addedErrors(before.errors, row.after.errors, siteOrigin(original));
  if (!row.after.built) row.note = row.after.failure;
  if (report && (row.added.length || !row.after.built)) {
    const lines = row.after.built ? row.added : [`build failed: ${row.after.failure}`];
    writeFileSync(path.join(report, `${name}.new-errors.txt`), `${lines.join('\n')}\n`);
  }
  return row;
}

function formatRow(row: Row): string {
  const cells = [
    row.repo.padEnd(48),
    (row.migrated ? 'ok' : 'FAIL').padEnd(7),
    (row.after?.built ? 'ok' : row.migrated ? 'FAIL' : '-').padEnd(6),
    `${row.original.built ? row.original.errors.length : 'x'}`.padStart(5),
    `${row.after?.built ? row.after.errors.length : 'x'}`.padStart(5),
    (row.original.built ? `${row.added.length}` : '-').padStart(5),
  ];
  return `${cells.join(' ')}${row.note ? `  ${row.note.slice(0, 100)}` : ''}`;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      only: { type: 'string' },
      sample: { type: 'string' },
      again: { type: 'boolean' },
      report: { type: 'string' },
      work: { type: 'string' },
      mirror: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(readFileSync(import.meta.filename, 'utf8').split('*/')[0]);
    return 0;
  }
  const list = path.resolve(values.corpus ?? DEFAULT_LIST);
  if (!existsSync(list)) {
    console.error(
      `${list}: no corpus list here.\n  Hint: pass one with --corpus LIST.tsv (repo<TAB>commit a line).`,
    );
    return 2;
  }
  if (!existsSync(BIN.replace('bin/scholarsite.js', 'dist'))) {
    console.error('dist/ is missing.\n  Hint: npm run build first; the corpus runs the bundled CLI.');
    return 2;
  }
  const only = values.only ? new RegExp(values.only, 'i') : undefined;
  const listed = readCorpusList(readFileSync(list, 'utf8'), list).filter(
    (site) => !only || only.test(site.repo),
  );
  // `--sample N`: N sites spread evenly over the list, the same N every run.
  const sample = Number(values.sample ?? listed.length);
  const step = listed.length / Math.min(Math.max(sample, 1), listed.length);
  const sites = listed.filter(
    (_, index) => Math.floor(index / step) !== Math.floor((index - 1) / step) || index === 0,
  );
  const work = path.resolve(
    values.work ?? mkdtempSync(path.join(os.tmpdir(), 'scholarsite-migrate-corpus-')),
  );
  const report = values.report ? path.resolve(values.report) : undefined;
  if (report) mkdirSync(report, { recursive: true });
  const mirror = values.mirror ?? DEFAULT_MIRROR;

  console.log(`${sites.length} sites; sources and migrated sites in ${work}`);
  console.log(
    `${'site'.padEnd(48)} migrate build  err-o err-m  new   (err-o/err-m: check errors of the original / migrated site)`,
  );
  const rows: Row[] = [];
  for (const site of sites) {
    const row = measure(site, mirror, work, report, values.again);
    rows.push(row);
    console.log(formatRow(row));
  }
  const measured = rows.filter((row) => row.note !== 'not in the mirror');
  const builds = measured.filter((row) => row.after?.built).length;
  // Without the original's errors there is nothing to compare with: those sites are named apart.
  const comparable = measured.filter((row) => row.original.built);
  const whole = comparable.filter((row) => row.after?.built && row.added.length === 0).length;
  const unbuilt = measured.filter((row) => !row.original.built).map((row) => row.repo);
  const total = [
    `migrated sites that build: ${builds}/${measured.length}; with no new check error: ${whole}/${comparable.length}`,
    unbuilt.length
      ? `(${unbuilt.length} originals do not build with scholarsite, so have no errors to compare with: ${unbuilt.join(', ')})`
      : '(every original builds with scholarsite)',
  ].join('\n');
  console.log(`\n${total}`);
  if (report)
    writeFileSync(path.join(report, 'summary.txt'), `${rows.map(formatRow).join('\n')}\n\n${total}\n`);
  return builds === measured.length && whole === comparable.length ? 0 : 1;
}

process.exitCode = main();
