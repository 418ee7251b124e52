/**
 * `scholarsite check`: every built page is read once, then checked for broken internal links
 * and anchors, missing images and files (links.ts; in CSS too, css.ts), a title, duplicate ids,
 * alt text and mixed content (pages.ts), publication pages Google Scholar could not index
 * (scholar.ts), invalid HTML (html.ts) and, when asked, links to other
 * sites (external.ts). Each problem is traced back to the source file that produced the page, and to
 * its line there when the text is found in it (else in a layout or include).
 */
import type { Site } from '../site/site.ts';
import { checkExternal } from './external.ts';
import { checkHtml } from './html.ts';
import { checkLinks, type ExternalLinks } from './links.ts';
import { checkPage } from './pages.ts';
import { type Finding, LineIndex, type Problem } from './problem.ts';
import { checkScholar } from './scholar.ts';
import { type BuiltPage, readBuiltSite, type Template } from './site.ts';

export type { Problem, Severity } from './problem.ts';
export { formatJson, formatReport, type Summary, summarize } from './report.ts';

export interface CheckOptions {
  /** Check links to other sites too. */
  external?: { cacheFile: string; timeout?: number };
}

export interface CheckResult {
  problems: Problem[];
  /** Pages checked. */
  pages: number;
  /** Links to other sites checked (with `external`). */
  externalLinks?: number;
}

/** Check the site built by `site` into `root`. */
export async function checkSite(site: Site, root: string, options: CheckOptions = {}): Promise<CheckResult> {
  const built = readBuiltSite(site, root);
  const problems: Problem[] = [];
  const external: ExternalLinks = new Map();
  for (const page of built.pages) {
    const findings = [
      ...checkLinks(built, page, external),
      ...checkPage(built, page),
      ...checkScholar(page),
      ...(await checkHtml(page)),
    ];
    for (const finding of findings) problems.push(problemOf(page, finding));
  }
  for (const stylesheet of built.stylesheets) {
    for (const finding of checkLinks(built, stylesheet, external))
      problems.push(problemOf(stylesheet, finding));
  }
  let externalLinks: number | undefined;
  if (options.external) {
    externalLinks = external.size;
    for (const { page, finding } of await checkExternal(built, external, options.external))
      problems.push(problemOf(page, finding));
  }
  problems.sort(
    (a, b) =>
      compare(a.file, b.file) ||
      (a.line ?? a.outputLine ?? 0) - (b.line ?? b.outputLine ?? 0) ||
      compare(a.rule, b.rule),
  );
  return { problems, pages: built.pages.length, externalLinks };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A finding in a built page, named by its source file and, when found, its line there. */
function problemOf(page: BuiltPage, finding: Finding): Problem {
  let line: number | undefined;
  let template: Problem['template'];
  // A static file is copied as it is: the built line is the source line.
  if (page.origin === 'static') line = finding.outputLine;
  else if (page.sourceText && finding.needles) {
    line = lineOf(page.sourceText, finding.needles);
    if (line === undefined) template = templateWith(page.templates, finding.needles);
  }
  return {
    severity: finding.severity,
    rule: finding.rule,
    message: finding.message,
    file: page.source,
    ...(line !== undefined ? { line } : {}),
    output: page.output,
    ...(finding.outputLine !== undefined ? { outputLine: finding.outputLine } : {}),
    ...(template ? { template } : {}),
    hint: finding.hint,
  };
}

/** Short texts (`/`, `#`) are everywhere: they say nothing about where a link was written. */
const SHORTEST_NEEDLE = 4;

function lineOf(text: string, needles: string[]): number | undefined {
  for (const needle of needles) {
    if (needle.length < SHORTEST_NEEDLE) continue;
    let lines: LineIndex | undefined;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      lines ??= new LineIndex(text);
      const { line, column } = lines.at(at);
      // The page's own address in its front matter is not a link written on it.
      if (/^\s*permalink\s*:\s*$/.test(text.slice(at - column + 1, at))) continue;
      return line;
    }
  }
  return undefined;
}

const templateLines = new WeakMap<Template, LineIndex>();

function templateWith(templates: Template[], needles: string[]): Problem['template'] {
  for (const needle of needles) {
    if (needle.length < SHORTEST_NEEDLE) continue;
    for (const template of templates) {
      const at = template.text.indexOf(needle);
      if (at === -1) continue;
      let lines = templateLines.get(template);
      if (!lines) {
        lines = new LineIndex(template.text);
        templateLines.set(template, lines);
      }
      return { file: template.file, line: lines.at(at).line };
    }
  }
  return undefined;
}
