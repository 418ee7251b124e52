/**
 * Ruby Liquid's lax parser accepts templates liquidjs refuses. Jekyll (error_mode: warn)
 * warns and renders them the lax way; we rewrite the markup to what the lax parser means:
 * - parentheses in `if`/`elsif`/`unless`/`assign` markup are ignored (`(a or b) and c`), and a
 *   number glued to a `)` is read as a variable of that name, which is nil (`sort:0)`);
 * - `page.[include.key]` is `page[include.key]`;
 * - a quoted "filter name" (`{{ x | "text" }}`) is an unknown filter, which does nothing;
 * - a float literal given to a filter (`divided_by: 4.0`) is passed as text, which Ruby's
 *   `to_number` reads as a Float just the same, so that the result stays a float (liquidjs has
 *   no float type: `4.0` would arrive as the integer 4);
 * - a backslash in a quoted string is just a backslash (Ruby Liquid has no escapes in string
 *   literals; liquidjs would read `"\n"` as a newline).
 */

import type { ProblemInit } from '../../errors.ts';

export interface LaxWarning {
  line: number;
  message: string;
  hint: string;
}

/** The lax warnings of a template as problems of `file`, whose template starts after `lineOffset` lines. */
export function laxProblems(warnings: LaxWarning[], file: string, lineOffset = 0): ProblemInit[] {
  return warnings.map(({ message, line, hint }) => ({ message, file, line: line + lineOffset, hint }));
}

const TAG = /{%(-?)(\s*)(if|elsif|unless|assign)\b([\s\S]*?)(-?)%}/g;
const RAW =
  /{%-?\s*raw\s*-?%}[\s\S]*?{%-?\s*endraw\s*-?%}|{%-?\s*comment\s*-?%}[\s\S]*?{%-?\s*endcomment\s*-?%}/g;
const RANGE = /\(\s*[\w.-]+\s*\.\.\s*[\w.-]+\s*\)/g;

/** Apply `rewrite` outside quotes only. */
function outsideQuotes(text: string, rewrite: (part: string) => string): string {
  return text
    .split(/("[^"]*"|'[^']*')/)
    .map((part, i) => (i % 2 ? part : rewrite(part)))
    .join('');
}

/** Drop grouping parentheses, keeping ranges like `(1..5)`. */
function dropParentheses(part: string): string {
  const ranges: string[] = [];
  const masked = part.replace(RANGE, (range) => {
    ranges.push(range);
    return `\u2063${ranges.length - 1}\u2063`;
  });
  const stripped = masked.replace(/(^|[\s:,])-?\d+(?:\.\d+)?\)/g, '$1nil ').replace(/[()]/g, ' ');
  return stripped.replace(/\u2063(\d+)\u2063/g, (_, i: string) => ranges[Number(i)]);
}

export function laxRewrite(source: string): { source: string; warnings: LaxWarning[] } {
  const floats = /[:,]\s*-?\d+\.\d/.test(source);
  const backslashes = source.includes('\\');
  if (
    !floats &&
    !backslashes &&
    !source.includes('(') &&
    !source.includes('.[') &&
    !/\|\s*["']/.test(source)
  ) {
    return { source, warnings: [] };
  }
  const warnings: LaxWarning[] = [];
  const protectedRanges: [number, number][] = [];
  for (const m of source.matchAll(RAW)) protectedRanges.push([m.index, m.index + m[0].length]);
  const isProtected = (at: number) => protectedRanges.some(([start, end]) => at >= start && at < end);
  const lineAt = (at: number) => source.slice(0, at).split('\n').length;

  let out = source.replace(
    TAG,
    (whole, open: string, space: string, name: string, markup: string, close: string, at: number) => {
      if (isProtected(at)) return whole;
      const rewritten = outsideQuotes(markup, dropParentheses);
      if (
        outsideQuotes(rewritten, (p) => p.replace(/\s+/g, ' ')) ===
        outsideQuotes(markup, (p) => p.replace(/\s+/g, ' '))
      )
        return whole;
      warnings.push({
        line: lineAt(at),
        message: `Liquid syntax error: parentheses are not allowed in "${markup.trim()}"; they were ignored`,
        hint: 'Remove the parentheses: Liquid does not group expressions.',
      });
      return `{%${open}${space}${name}${rewritten}${close}%}`;
    },
  );
  out = out.replace(/{{([\s\S]*?)}}/g, (whole, body: string, at: number) => {
    if (isProtected(at) || !/\|\s*["']/.test(body)) return whole;
    const rewritten = body.replace(/\|\s*("[^"]*"|'[^']*')/g, (filter: string) => {
      warnings.push({
        line: lineAt(at),
        message: `Liquid syntax error: ${filter.slice(1).trim()} is not a filter name; it was ignored`,
        hint: 'A filter is a name such as `upcase`; to print text, put it outside the {{ }}.',
      });
      return '';
    });
    return `{{${rewritten}}}`;
  });
  if (out.includes('.[')) {
    out = out.replace(
      /({{|{%)([\s\S]*?)(}}|%})/g,
      (whole, open: string, body: string, close: string, at: number) =>
        isProtected(at) ? whole : open + outsideQuotes(body, (part) => part.replace(/\.\[/g, '[')) + close,
    );
  }
  if (backslashes) {
    out = out.replace(
      /({{|{%)([\s\S]*?)(}}|%})/g,
      (whole, open: string, body: string, close: string, at: number) =>
        // Jekyll's include tags read their own parameters, `\'` and `\"` included.
        isProtected(at) || !body.includes('\\') || /^-?\s*include(?:_relative)?\s/.test(body)
          ? whole
          : open + body.replace(/"[^"]*"|'[^']*'/g, (literal) => literal.replace(/\\/g, '\\\\')) + close,
    );
  }
  if (floats) {
    out = out.replace(
      /({{|{%)([\s\S]*?)(}}|%})/g,
      (whole, open: string, body: string, close: string, at: number) =>
        isProtected(at) || !body.includes('|')
          ? whole
          : open +
            outsideQuotes(body, (part) => part.replace(/([:,]\s*)(-?\d+\.\d+)(?![\d.])/g, '$1"$2"')) +
            close,
    );
  }
  return { source: out, warnings };
}
