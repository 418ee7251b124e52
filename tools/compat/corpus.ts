/**
 * `npm run compat -- --corpus [LIST]`: every site of the corpus list, exported at its commit
 * from the mirror, built by Jekyll (cached) and by scholarsite, two builds at a time, compared
 * page by page; one table and a TOTAL line, and with `--report DIR` a folder of details.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildWithScholarsite, cachedJekyllBuild, type RequestedMode } from './builders.ts';
import { compareTrees, isHtml, listFiles } from './compare.ts';
import { copySite } from './copy-site.ts';
import { type CorpusSite, readCorpusList } from './corpus-list.ts';
import { compatMode } from './github-pages.ts';
import { exportCommit, hasCommit, howToFetch, mirrorGitDir } from './mirror.ts';
import { firstLines, type RunInfo, type SiteReport, writeReport } from './report.ts';
import { failedRow, formatTable, rowFromResults, totals } from './table.ts';

export const DEFAULT_LIST = path.resolve(import.meta.dirname, 'corpus.tsv');

export interface CorpusOptions {
  list: string;
  only?: RegExp;
  report?: string;
  mode: RequestedMode;
  again: boolean;
  keep: boolean;
  mirror: string;
  /** Sites built at once; each runs one build at a time. */
  jobs: number;
}

async function measureSite(
  site: CorpusSite,
  gitDir: string,
  work: string,
  options: CorpusOptions,
): Promise<SiteReport> {
  const name = site.repo.split('/')[1]!;
  const folder = path.join(work, site.repo.replace('/', '+'));
  const source = path.join(folder, 'export', name);
  const absent = exportCommit(gitDir, site.commit, source);
  const adjustments: string[] = absent.length
    ? [`${absent.length} files absent from the snapshot (4 MiB or more): ${absent.slice(0, 5).join(', ')}`]
    : [];
  // Each site in the mode its repository says (auto), or the one asked for.
  const mode = compatMode(source, options.mode);
  if (options.mode === 'auto') adjustments.push(`built in ${mode} mode`);
  const jekyll = await cachedJekyllBuild({ repo: site.repo, commit: site.commit, mode }, () =>
    copySite(source, path.join(folder, 'jekyll'), []),
  );
  const notes: string[] = [];
  const oursSource = copySite(source, path.join(folder, 'ours'), notes);
  adjustments.push(...new Set(notes));
  const oursSite = path.join(folder, 'ours-site');
  const ours = await buildWithScholarsite(oursSource, oursSite, mode, options.again, site.repo);
  const report: SiteReport = {
    ...site,
    adjustments,
    row: failedRow(site.repo, jekyll.ok ? 'ok' : 'FAIL', ours.ok ? 'ok' : 'FAIL'),
    results: [],
    seconds: {
      jekyll: jekyll.seconds,
      jekyllCached: jekyll.cached,
      ours: ours.seconds,
      oursFirst: ours.first?.seconds,
    },
  };
  if (!jekyll.ok) report.jekyllError = firstLines(jekyll.output, 60);
  if (!ours.ok) report.oursError = firstLines(ours.output, 60);
  if (jekyll.ok && ours.ok) {
    const results = compareTrees(jekyll.site, oursSite, {
      expected: jekyll.startedAt,
      actual: ours.startedAt,
    });
    report.row = rowFromResults(site.repo, results);
    report.results = results.filter((result) => result.verdict !== 'equal');
  } else if (jekyll.ok) {
    report.row = failedRow(site.repo, 'ok', 'FAIL', listFiles(jekyll.site).filter(isHtml).length);
  }
  if (!options.keep) rmSync(folder, { recursive: true, force: true });
  return report;
}

function scholarsiteVersion(): string {
  const root = path.resolve(import.meta.dirname, '../..');
  const head = spawnSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], {
    encoding: 'utf8',
  }).stdout.trim();
  const dirty = spawnSync('git', ['-C', root, 'status', '--porcelain', 'src'], {
    encoding: 'utf8',
  }).stdout.trim();
  return `${head || 'unknown'}${dirty ? ' + uncommitted changes in src/' : ''}`;
}

export async function runCorpus(options: CorpusOptions): Promise<number> {
  const all = readCorpusList(readFileSync(options.list, 'utf8'), options.list);
  const chosen = all.filter((site) => !options.only || options.only.test(site.repo));
  const missing: string[] = [];
  const ready: { site: CorpusSite; gitDir: string }[] = [];
  for (const site of chosen) {
    const gitDir = mirrorGitDir(site.repo, options.mirror);
    if (!gitDir)
      missing.push(`${site.repo}: not in ${options.mirror}; ${howToFetch(site.repo, options.mirror)}`);
    else if (!hasCommit(gitDir, site.commit))
      missing.push(
        `${site.repo}: the mirror lacks commit ${site.commit}; fetch the repository again, or update its line`,
      );
    else ready.push({ site, gitDir });
  }
  for (const line of missing) console.log(`missing ${line}`);
  console.log(
    `${ready.length} of ${chosen.length} sites to compare (mode ${options.mode}, ${options.jobs} at a time)`,
  );

  const info: RunInfo = {
    startedAt: new Date(),
    mode: options.mode,
    again: options.again,
    scholarsite: scholarsiteVersion(),
    listed: chosen.length,
    missing,
    done: false,
  };
  const work = mkdtempSync(path.join(os.tmpdir(), 'scholarsite-corpus-'));
  const reports: SiteReport[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ready.length) {
      const { site, gitDir } = ready[next++]!;
      let report: SiteReport;
      try {
        report = await measureSite(site, gitDir, work, options);
      } catch (error) {
        // A broken export or comparison is this site's failure, not the run's.
        report = {
          ...site,
          adjustments: [],
          row: failedRow(site.repo, 'not built', 'not built'),
          oursError: `the harness failed: ${error instanceof Error ? error.stack : String(error)}`,
          results: [],
          seconds: {},
        };
      }
      reports.push(report);
      const { row, seconds } = report;
      console.log(
        `[${reports.length}/${ready.length}] ${site.repo}: jekyll ${row.jekyll}` +
          `${seconds.jekyllCached ? ' (cached)' : seconds.jekyll !== undefined ? ` ${seconds.jekyll.toFixed(1)} s` : ''}, ` +
          `ours ${row.ours}${seconds.ours !== undefined ? ` ${seconds.ours.toFixed(1)} s` : ''}` +
          (row.jekyll === 'ok' && row.ours === 'ok' ? `, HTML equal ${row.equal}/${row.html}` : ''),
      );
      if (options.report) writeReport(options.report, reports, info);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.jobs) }, worker));
  if (!options.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept: ${work}`);

  // The list's order, whatever order the builds finished in.
  const order = new Map(all.map((site, index) => [site.repo, index]));
  reports.sort((a, b) => order.get(a.repo)! - order.get(b.repo)!);
  info.done = true;
  if (options.report) {
    writeReport(options.report, reports, info);
    console.log(`report: ${path.join(options.report, 'SUMMARY.md')}`);
  }
  console.log('');
  console.log(formatTable(reports.map((report) => report.row)));
  if (missing.length) console.log(`(${missing.length} listed sites missing from the mirror, not counted)`);
  // A run that measured nothing must not pass for a measurement.
  return totals(reports.map((r) => r.row)).sitesBuiltByJekyll === 0 ? 1 : 0;
}
