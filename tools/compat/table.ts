/** The corpus run's table: one row a site, then a TOTAL line measured against the done-bar. */
import { type FileResult, isHtml } from './compare.ts';

export type BuildState = 'ok' | 'FAIL' | 'not built';

export interface SiteRow {
  site: string;
  jekyll: BuildState;
  ours: BuildState;
  /** Jekyll's HTML pages (the reference's count). */
  html: number;
  equal: number;
  differ: number;
  /** HTML pages Jekyll wrote and we did not. */
  missing: number;
  /** HTML pages we wrote and Jekyll did not. */
  extra: number;
  /** Other files (feeds, CSS, static files): equal of Jekyll's. */
  otherEqual: number;
  otherTotal: number;
}

/** A row from the comparison of a site both tools built. */
export function rowFromResults(site: string, results: FileResult[]): SiteRow {
  const row: SiteRow = {
    site,
    jekyll: 'ok',
    ours: 'ok',
    html: 0,
    equal: 0,
    differ: 0,
    missing: 0,
    extra: 0,
    otherEqual: 0,
    otherTotal: 0,
  };
  for (const { file, verdict } of results) {
    if (!isHtml(file)) {
      if (verdict === 'extra') continue;
      row.otherTotal++;
      if (verdict === 'equal') row.otherEqual++;
      continue;
    }
    if (verdict === 'extra') {
      row.extra++;
      continue;
    }
    row.html++;
    if (verdict === 'equal') row.equal++;
    else if (verdict === 'different') row.differ++;
    else row.missing++;
  }
  return row;
}

/**
 * A row for a site one of the tools did not build. When only ours failed, Jekyll's pages all
 * count as missing: the total must not look better because a site broke.
 */
export function failedRow(site: string, jekyll: BuildState, ours: BuildState, jekyllHtml = 0): SiteRow {
  return {
    site,
    jekyll,
    ours,
    html: jekyll === 'ok' ? jekyllHtml : 0,
    equal: 0,
    differ: 0,
    missing: jekyll === 'ok' ? jekyllHtml : 0,
    extra: 0,
    otherEqual: 0,
    otherTotal: 0,
  };
}

export interface Totals {
  sitesBuiltByJekyll: number;
  sitesBuiltByBoth: number;
  htmlEqual: number;
  htmlTotal: number;
  /** Equal HTML pages of all of Jekyll's, in percent (100 when there are none). */
  percent: number;
}

export function totals(rows: SiteRow[]): Totals {
  const byJekyll = rows.filter((row) => row.jekyll === 'ok');
  const htmlEqual = byJekyll.reduce((sum, row) => sum + row.equal, 0);
  const htmlTotal = byJekyll.reduce((sum, row) => sum + row.html, 0);
  return {
    sitesBuiltByJekyll: byJekyll.length,
    sitesBuiltByBoth: byJekyll.filter((row) => row.ours === 'ok').length,
    htmlEqual,
    htmlTotal,
    percent: htmlTotal === 0 ? 100 : (100 * htmlEqual) / htmlTotal,
  };
}

/** The done-bar: every site Jekyll builds, we build, and 99.5% of HTML pages are DOM-equal. */
export function meetsBar(t: Totals): boolean {
  // Nothing measured meets nothing.
  return t.htmlTotal > 0 && t.sitesBuiltByBoth === t.sitesBuiltByJekyll && t.percent >= 99.5;
}

const HEADINGS = ['site', 'jekyll', 'ours', 'html', 'equal', 'differ', 'missing/extra', 'other equal'];

function cells(row: SiteRow): string[] {
  const compared = row.jekyll === 'ok' && row.ours === 'ok';
  return [
    row.site,
    row.jekyll,
    row.ours,
    row.jekyll === 'ok' ? String(row.html) : '-',
    compared ? String(row.equal) : '-',
    compared ? String(row.differ) : '-',
    compared ? `${row.missing}/${row.extra}` : '-',
    compared ? `${row.otherEqual}/${row.otherTotal}` : '-',
  ];
}

export function totalLine(t: Totals): string {
  return (
    `TOTAL sites built by both / by Jekyll: ${t.sitesBuiltByBoth}/${t.sitesBuiltByJekyll}; ` +
    `HTML pages equal: ${t.htmlEqual}/${t.htmlTotal} (${(Math.floor(t.percent * 100) / 100).toFixed(2)}%)` +
    ` — ${meetsBar(t) ? 'meets' : 'below'} the bar (all sites, 99.5%)`
  );
}

/** The table as aligned plain text, TOTAL line last. */
export function formatTable(rows: SiteRow[]): string {
  const grid = [HEADINGS, ...rows.map(cells)];
  const widths = HEADINGS.map((_, column) => Math.max(...grid.map((line) => line[column]!.length)));
  const lines = grid.map((line) =>
    line
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!)))
      .join('  '),
  );
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  return [...lines, '', totalLine(totals(rows))].join('\n');
}

/** The same table in Markdown, for the report. */
export function markdownTable(rows: SiteRow[]): string {
  const line = (values: string[]) => `| ${values.join(' | ')} |`;
  return [
    line(HEADINGS),
    line(HEADINGS.map((_, column) => (column === 0 ? '---' : '---:'))),
    ...rows.map((row) => line(cells(row))),
    '',
    `**${totalLine(totals(rows))}**`,
  ].join('\n');
}
