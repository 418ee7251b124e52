/**
 * The corpus run's report folder: SUMMARY.md (table, failures, differences by kind with
 * examples), one Markdown file a site listing its differing pages, and results.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FileResult } from './compare.ts';
import { markdownTable, type SiteRow, totalLine, totals } from './table.ts';

export interface SiteReport {
  repo: string;
  commit: string;
  note: string;
  row: SiteRow;
  /** What both builds were changed by (gem themes removed, …), said once. */
  adjustments: string[];
  /** First lines of a failed build's output. */
  jekyllError?: string;
  oursError?: string;
  /** Files of Jekyll's output that are not equal, with our extra files. */
  results: FileResult[];
  seconds: { jekyll?: number; jekyllCached?: boolean; ours?: number; oursFirst?: number };
}

export interface KindCount {
  kind: string;
  pages: number;
  sites: Set<string>;
  examples: { site: string; file: string; excerpt: string }[];
}

/** Differing HTML pages grouped by the kind of their first difference, most pages first. */
export function differencesByKind(sites: SiteReport[], examplesPerKind = 3): KindCount[] {
  const kinds = new Map<string, KindCount>();
  for (const site of sites) {
    for (const result of site.results) {
      if (!result.difference) continue;
      const kind = `${result.difference.area}: ${result.difference.kind}`;
      const entry = kinds.get(kind) ?? { kind, pages: 0, sites: new Set<string>(), examples: [] };
      entry.pages++;
      // Examples from different sites say more than three pages of one.
      if (entry.examples.length < examplesPerKind && !entry.sites.has(site.repo))
        entry.examples.push({ site: site.repo, file: result.file, excerpt: result.excerpt ?? '' });
      entry.sites.add(site.repo);
      kinds.set(kind, entry);
    }
  }
  return [...kinds.values()].sort((a, b) => b.pages - a.pages || a.kind.localeCompare(b.kind));
}

export const firstLines = (text: string, count = 12) =>
  text
    .split('\n')
    .filter((line) => line.trim())
    .slice(0, count)
    .join('\n');

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** A failed build's output from its first error on: warnings before it are rarely the cause. */
export function errorLines(output: string, count = 12): string {
  const lines = output
    .replace(ANSI_COLOUR, '') // Jekyll colours its errors
    .split('\n')
    .filter((line) => line.trim());
  const first = lines.findIndex(
    (line) => /\berror\b|exception|failed/i.test(line) && !/^\s*Warning/.test(line),
  );
  return lines.slice(Math.max(0, first), Math.max(0, first) + count).join('\n');
}

const fence = (text: string) => `\`\`\`\n${text.replace(/```/g, "'''")}\n\`\`\``;
const fileName = (repo: string) => `${repo.replace('/', '+')}.md`;

function siteMarkdown(site: SiteReport): string {
  const out = [`# ${site.repo} @ ${site.commit.slice(0, 12)}`, '', site.note, ''];
  out.push(
    `jekyll: ${site.row.jekyll}${site.seconds.jekyll !== undefined ? ` (${site.seconds.jekyll.toFixed(1)} s${site.seconds.jekyllCached ? ', cached' : ''})` : ''}; ` +
      `scholarsite: ${site.row.ours}${site.seconds.ours !== undefined ? ` (${site.seconds.ours.toFixed(1)} s)` : ''}; ` +
      `HTML equal ${site.row.equal}/${site.row.html}, differ ${site.row.differ}, missing ${site.row.missing}, extra ${site.row.extra}`,
    '',
  );
  for (const note of site.adjustments) out.push(`- both builds: ${note}`);
  if (site.jekyllError) out.push('', '## Jekyll failed', '', fence(site.jekyllError));
  if (site.oursError) out.push('', '## scholarsite failed', '', fence(site.oursError));
  const html = site.results.filter((r) => r.difference);
  if (html.length) out.push('', '## Differing pages');
  for (const result of html) {
    const { area, kind } = result.difference!;
    out.push('', `### ${result.file} — ${area}: ${kind}`, '', fence(result.excerpt ?? ''));
  }
  const others = site.results.filter((r) => !r.difference && r.verdict !== 'equal');
  if (others.length) {
    out.push('', '## Other files');
    for (const result of others) out.push(`- ${result.verdict} ${result.file}`);
  }
  return `${out.join('\n')}\n`;
}

export interface RunInfo {
  startedAt: Date;
  mode: string;
  again: boolean;
  scholarsite: string;
  listed: number;
  missing: string[];
  done: boolean;
}

/** Failed sites grouped by their first error line (file names kept, build folders dropped). */
export function failuresByError(sites: SiteReport[]): [string, SiteReport[]][] {
  const groups = new Map<string, SiteReport[]>();
  for (const site of sites) {
    const first = errorLines(site.oursError ?? '', 1)
      .replace(/\/tmp\/\S+?\/ours\/[^/\s]+\//g, '')
      .trim();
    groups.set(first, [...(groups.get(first) ?? []), site]);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length);
}

export function summaryMarkdown(sites: SiteReport[], info: RunInfo): string {
  const rows = sites.map((site) => site.row);
  const t = totals(rows);
  const out = [
    `# Corpus compared with Jekyll${info.done ? '' : ' (partial: still running)'}`,
    '',
    `Run ${info.startedAt.toISOString()}, mode ${info.mode}${info.again ? ', second build (--again)' : ''}, scholarsite ${info.scholarsite}.`,
    `${sites.length} of ${info.listed} listed sites compared.`,
    '',
    `**${totalLine(t)}**`,
    '',
  ];
  if (info.missing.length)
    out.push('Missing from the mirror (not built):', '', ...info.missing.map((m) => `- ${m}`), '');
  const jekyllFailed = sites.filter((s) => s.row.jekyll === 'FAIL');
  const oursFailed = sites.filter((s) => s.row.jekyll === 'ok' && s.row.ours === 'FAIL');
  out.push('## Sites scholarsite fails to build', '');
  if (!oursFailed.length) out.push('None.');
  for (const [error, failed] of failuresByError(oursFailed)) {
    out.push(`### ${failed.length} site(s): ${error}`, '', failed.map((site) => site.repo).join(', '), '');
    out.push(fence(errorLines(failed[0]!.oursError ?? '')), '');
  }
  out.push('', '## Sites Jekyll fails to build (not counted)', '');
  if (!jekyllFailed.length) out.push('None.');
  for (const site of jekyllFailed)
    out.push(`- ${site.repo}: ${errorLines(site.jekyllError ?? '', 2).replace(/\n/g, ' / ')}`);
  const kinds = differencesByKind(sites);
  out.push('', '## Differences by kind (first difference of each differing page)', '');
  out.push('| kind | pages | sites |', '| --- | ---: | ---: |');
  for (const kind of kinds) out.push(`| ${kind.kind} | ${kind.pages} | ${kind.sites.size} |`);
  out.push('', '## Examples of each kind', '');
  for (const kind of kinds) {
    out.push(`### ${kind.kind} (${kind.pages} pages, ${kind.sites.size} sites)`, '');
    for (const example of kind.examples)
      out.push(
        `${example.site} \`${example.file}\` ([site report](sites/${fileName(example.site)}))`,
        '',
        fence(example.excerpt),
        '',
      );
  }
  out.push('## Table', '', markdownTable(rows), '');
  return out.join('\n');
}

/** Writes (or rewrites, as sites finish) the whole report folder. */
export function writeReport(folder: string, sites: SiteReport[], info: RunInfo): void {
  mkdirSync(path.join(folder, 'sites'), { recursive: true });
  for (const site of sites)
    writeFileSync(path.join(folder, 'sites', fileName(site.repo)), siteMarkdown(site));
  writeFileSync(path.join(folder, 'SUMMARY.md'), summaryMarkdown(sites, info));
  const json = sites.map(({ results, ...site }) => ({
    ...site,
    differing: results
      .filter((r) => r.verdict !== 'equal')
      .map((r) => ({
        file: r.file,
        verdict: r.verdict,
        ...(r.difference ? { area: r.difference.area, kind: r.difference.kind } : {}),
      })),
  }));
  writeFileSync(path.join(folder, 'results.json'), `${JSON.stringify({ ...info, sites: json }, null, 1)}\n`);
}
