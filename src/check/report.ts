/**
 * What `check` prints: problems grouped by source file, each with its place, what is wrong and a
 * hint, and a summary line; or one JSON document for CI. A problem that a layout or include puts
 * on many pages is printed once, with the pages it is on.
 */
import type { Problem } from './problem.ts';

export interface Summary {
  errors: number;
  warnings: number;
  /** Pages checked. */
  pages: number;
  externalLinks?: number;
}

/** From this many pages on, the same problem is shown once, as coming from a layout or include. */
const SHARED = 3;

export function summarize(problems: Problem[], pages: number, externalLinks?: number): Summary {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return {
    errors,
    warnings: problems.length - errors,
    pages,
    ...(externalLinks !== undefined ? { externalLinks } : {}),
  };
}

export function formatJson(problems: Problem[], summary: Summary): string {
  return `${JSON.stringify({ summary, problems }, null, 2)}\n`;
}

export function formatReport(problems: Problem[], summary: Summary): string {
  const shared = new Map<string, Problem[]>();
  for (const problem of problems) {
    if (problem.line !== undefined) continue;
    const key = sameness(problem);
    const list = shared.get(key);
    if (list) list.push(problem);
    else shared.set(key, [problem]);
  }
  for (const [key, list] of shared) {
    if (new Set(list.map((problem) => problem.file)).size < SHARED) shared.delete(key);
  }

  const out: string[] = [];
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) {
    if (problem.line === undefined && shared.has(sameness(problem))) continue;
    const list = byFile.get(problem.file);
    if (list) list.push(problem);
    else byFile.set(problem.file, [problem]);
  }
  for (const [file, list] of byFile) {
    const outputs = [...new Set(list.map((problem) => problem.output))];
    out.push(outputs.length === 1 && outputs[0] !== file ? `${file} → ${outputs[0]}` : file);
    // The same mistake met again on the page (an include in a loop) is counted, not repeated.
    const counted = new Map<string, { problem: Problem; times: number }>();
    for (const problem of list) {
      const key = problem.line === undefined ? sameness(problem) : `${problem.line}\0${sameness(problem)}`;
      const seen = counted.get(key);
      if (seen) seen.times++;
      else counted.set(key, { problem, times: 1 });
    }
    for (const { problem, times } of counted.values())
      out.push(...describe(problem, times > 1 ? `${times} times on this page` : undefined));
    out.push('');
  }
  if (shared.size) {
    out.push('On many pages, so in a layout or include:');
    const groups = [...shared.values()].map((list) => ({
      problem: list[0],
      files: [...new Set(list.map((problem) => problem.file))],
    }));
    // Errors first, then what is on the most pages.
    groups.sort(
      (a, b) =>
        Number(a.problem.severity === 'warning') - Number(b.problem.severity === 'warning') ||
        b.files.length - a.files.length,
    );
    for (const { problem, files } of groups) {
      const more = files.length > 4 ? `, and ${files.length - 4} more` : '';
      out.push(...describe(problem, `On ${files.length} pages: ${files.slice(0, 4).join(', ')}${more}`));
    }
    out.push('');
  }
  out.push(summaryLine(summary));
  return `${out.join('\n')}\n`;
}

/** Problems that read the same and were found at the same place of the same template. */
function sameness(problem: Problem): string {
  // Found in a template, the same message is the same mistake; else the hint tells them apart
  // (for invalid HTML, it quotes the built line).
  const where = problem.template ? `${problem.template.file}:${problem.template.line}` : problem.hint;
  return [problem.severity, problem.rule, problem.message, where].join('\0');
}

function describe(problem: Problem, where?: string): string[] {
  const label = problem.severity === 'error' ? 'Error' : 'Warning';
  const lines = [`  ${label}: ${place(problem)}: ${problem.message} [${problem.rule}]`];
  if (where) lines.push(`    ${where}`);
  lines.push(`    Hint: ${problem.hint}`);
  return lines;
}

/** `file:line` in the source when known, else in the layout or include, else in the built page. */
function place(problem: Problem): string {
  if (problem.line !== undefined) return `${problem.file}:${problem.line}`;
  if (problem.template) return `${problem.template.file}:${problem.template.line}`;
  if (problem.outputLine !== undefined)
    return `${problem.output}:${problem.outputLine} (line in the built page)`;
  return problem.file;
}

function summaryLine({ errors, warnings, pages, externalLinks }: Summary): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const external = externalLinks === undefined ? '' : ` (and ${count(externalLinks, 'external link')})`;
  return `${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(pages, 'page')}${external}`;
}
