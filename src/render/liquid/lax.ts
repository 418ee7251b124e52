/**
 * Templates as Ruby Liquid reads them, handed to liquidjs in a form it reads the same way.
 *
 * Jekyll runs Liquid with `error_mode: warn`, and GitHub Pages runs Liquid 4.0.4: a template is
 * cut into tokens by one regex (TemplateParser), each output and each tag's markup is read by the
 * strict parser and, where that fails, by the tag's lax regexes, with a warning. Real sites lean
 * on what only the lax reading accepts (`{{ x %}}`, `{% assign a.b = … %}`, `{% if (a or b) %}`),
 * and liquidjs's own tokenizer and tag parsers refuse or misread it.
 *
 * So this is a translation, not a list of patches: Ruby's tokenizer, then for each token
 * Liquid's own reading (lax/markup.ts, lax/expression.ts), then the token written again as the
 * liquidjs markup with the same meaning: every expression becomes the liquidjs expression of the
 * value Ruby's `Expression.parse` gives it. Whitespace control (`{%-`, `-%}`) is applied here,
 * with Ruby's set of spaces, and liquidjs is handed no dashes. liquidjs then parses and renders
 * with its own tags, which behave as Ruby's for well-formed markup, but for the few whose
 * rendering differs and which tags/ replaces (assign to any name, cycle, for, tablerow, raw).
 *
 * Why not tags of our own for everything: liquidjs's renderer, filters and drops are kept, and
 * the translation is one linear pass over a template, done once a build per file (about 7 ms for
 * the 104 kB of Liquid in about-zexili), which keeps line numbers: each token is written on the
 * lines of the original. `npm run liquid-diff` compares this reading with Ruby's on real sites.
 * Where Liquid 4.0.4 (GitHub Pages) and 5.4 (Debian's Jekyll 4.3) differ, 4.0.4 is followed:
 * an empty output (`{{ }}`, `{% assign x = %}`) is warned of.
 */
import { type ProblemInit, SiteError } from '../../errors.ts';
import {
  assign,
  capture,
  caseLeft,
  condition,
  cycle,
  forLoop,
  LiquidSyntaxError,
  type Rewritten,
  tablerow,
  variable,
  when,
} from './lax/markup.ts';

export interface LaxWarning {
  line: number;
  message: string;
  hint: string;
}

/** A template Jekyll refuses to build, at `line`. */
export class LiquidTemplateError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }

  /** The error the build stops on, in `file` (`source`, all of it) whose template starts after `lineOffset` lines. */
  toSiteError(file: string, source: string, lineOffset = 0): SiteError {
    return new SiteError({
      message: this.message,
      file,
      line: this.line + lineOffset,
      column: this.column,
      source,
      hint: 'Jekyll stops here too: correct the Liquid at this line.',
    });
  }
}

/**
 * The lax warnings of a template as problems of `file`, whose template starts after `lineOffset`
 * lines; as notes for an include, of which Jekyll says nothing.
 */
export function laxProblems(
  warnings: LaxWarning[],
  file: string,
  lineOffset = 0,
  note?: ProblemInit['note'],
): ProblemInit[] {
  return warnings.map(({ message, line, hint }) => ({ message, file, line: line + lineOffset, hint, note }));
}

/** liquid.rb's TemplateParser: a tag up to the first `%}`, an output up to the first `}` or `}}`,
 * or a lone `{{` / `{%`. Everything between is text. */
const TEMPLATE_PARSER = /(\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}?|\{%|\{\{)/;
const FULL_TOKEN = /^\{%-?[ \t\r\n\f\v]*(\w+)[ \t\r\n\f\v]*([\s\S]*?)-?%\}$/;
const CONTENT_OF_VARIABLE = /^\{\{-?([\s\S]*?)-?\}\}$/;
/** raw.rb: what ends a raw block (Liquid 4.0.4 reads no `-` before the tag name). */
const RAW_END = /^([\s\S]*)\{%[ \t\r\n\f\v]*(\w+)[ \t\r\n\f\v]*([\s\S]*)?%\}$/;

/** Block tags and the tags allowed inside them, as Liquid checks them while parsing. */
const BLOCKS: Record<string, string[]> = {
  if: ['elsif', 'else'],
  unless: ['elsif', 'else'],
  for: ['else'],
  case: ['when', 'else'],
  capture: [],
  tablerow: [],
  comment: [],
  ifchanged: [],
};

const REWRITES: Record<string, (markup: string) => Rewritten> = {
  if: condition,
  elsif: condition,
  unless: condition,
  for: forLoop,
  assign,
  capture,
  case: caseLeft,
  when,
  cycle,
  tablerow,
};

const WARNING_HINT =
  'Jekyll renders this the same lax way; write it in strict Liquid syntax to silence the warning.';

function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

const newlines = (text: string) => '\n'.repeat(countLines(text));

/** Ruby's `strip` set: liquidjs's trimming also takes Unicode spaces (a no-break space). */
const LEADING_SPACE = /^[\0\t\n\v\f\r ]+/;
const TRAILING_SPACE = /[\0\t\n\v\f\r ]+$/;

/** Nothing, on as many lines as `removed` had: what follows stays on its line. */
const keepLines = (removed: string) => {
  const lines = newlines(removed);
  return lines ? `{% raw_text ${lines}%}` : '';
};

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one pass over the template's tokens, with the state each kind of token updates
export function laxRewrite(source: string): { source: string; warnings: LaxWarning[] } {
  if (!source.includes('{{') && !source.includes('{%')) return { source, warnings: [] };
  const tokens = source.split(TEMPLATE_PARSER);
  const warnings: LaxWarning[] = [];
  const out: string[] = [];
  const open: string[] = [];
  let line = 1;
  let offset = 0;
  let comments = 0;
  const inComment = () => comments > 0;
  // Whitespace control as Liquid does it (BlockBody#whitespace_handler): `{%-` strips the text
  // just before, `-%}` the text just after; liquidjs is handed markup without the dashes.
  let trimNext = false;
  let textBefore = -1;
  const stripTextBefore = () => {
    if (textBefore < 0) return;
    const text = out[textBefore];
    let kept = text.replace(TRAILING_SPACE, '');
    const removed = text.slice(kept.length);
    // `{ {{- x }}`: Liquid trims between tokens, but text ending in `{` put against `{{` here
    // would read as `{{{` (an output of `{ x`); that brace is written as an output of its own.
    if (kept.endsWith('{') && removed !== '') kept = `${kept.slice(0, -1)}{{ '{' }}`;
    out[textBefore] = kept + keepLines(removed);
  };
  const fail = (message: string, at = line, from = offset): never => {
    const column = from - source.lastIndexOf('\n', from - 1);
    throw new LiquidTemplateError(`Liquid syntax error: ${message}`, at, column);
  };
  const rewrite = (read: () => Rewritten): string => {
    try {
      const result = read();
      if (result.warning)
        warnings.push({ line, message: `Liquid syntax error: ${result.warning}`, hint: WARNING_HINT });
      return result.markup;
    } catch (error) {
      if (error instanceof LiquidSyntaxError) return fail(error.message);
      throw error;
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === '') continue;
    if (i % 2 === 0) {
      let text = token;
      if (trimNext) {
        const stripped = text.replace(LEADING_SPACE, '');
        text = keepLines(text.slice(0, text.length - stripped.length)) + stripped;
        trimNext = false;
      }
      textBefore = inComment() ? -1 : out.length;
      out.push(inComment() ? newlines(token) : text);
      line += countLines(token);
      offset += token.length;
      continue;
    }
    const trimLeft = token[2] === '-';
    const trimRight = token.length > 4 && token[token.length - 3] === '-';
    if (trimLeft) stripTextBefore();
    textBefore = -1;
    trimNext = trimRight;
    if (token.startsWith('{{')) {
      const content = CONTENT_OF_VARIABLE.exec(token);
      if (!content) fail(`Variable '${token}' was not properly terminated with regexp: /\\}\\}/`);
      const markup = rewrite(() => variable(content?.[1] ?? ''));
      out.push(inComment() ? newlines(token) : `{{ ${markup} ${newlines(token)}}}`);
    } else {
      const full = FULL_TOKEN.exec(token);
      if (!full) fail(`Tag '${token}' was not properly terminated with regexp: /\\%\\}/`);
      const [, name, markup] = full as RegExpExecArray;
      if (name === 'raw') {
        const [start, startOffset] = [line, offset];
        if (markup.trim() !== '') fail("Syntax Error in 'raw' - Valid syntax: raw");
        let body = '';
        let closed = false;
        let rawText = token;
        while (!closed && ++i < tokens.length) {
          const next = tokens[i];
          rawText += next;
          const end = RAW_END.exec(next);
          if (end) {
            body += end[1];
            if (end[2] === 'endraw') closed = true;
            else body += next;
          } else body += next;
        }
        if (!closed) fail("'raw' tag was never closed", start, startOffset);
        // The body goes as data: liquidjs's tokenizer would read Liquid inside it.
        out.push(
          inComment() ? newlines(rawText) : `{% raw_text ${encodeURIComponent(body)} ${newlines(rawText)}%}`,
        );
        line += countLines(rawText);
        offset += rawText.length;
        continue;
      }
      const block = open.at(-1);
      const wasInComment = inComment();
      // The token as written, without its dashes.
      let written = `${token.slice(0, 2)}${token.slice(trimLeft ? 3 : 2, token.length - (trimRight ? 3 : 2))}${token.slice(-2)}`;
      // Tags out of place (an end tag of another block, a block never closed) are left as they
      // are: liquidjs refuses them too, and says where the block began.
      if (Object.hasOwn(BLOCKS, name)) {
        open.push(name);
        if (name === 'comment') comments++;
      } else if (name.startsWith('end') && block === name.slice(3)) {
        open.pop();
        if (block === 'comment') comments--;
      } else if (name === 'else' && block && BLOCKS[block]?.includes('else')) {
        if (block === 'case' && markup.trim() !== '')
          fail("Syntax Error in tag 'case' - Valid else condition: {% else %} (no parameters) ");
        // Ruby ignores what follows `else`; liquidjs refuses it.
        written = `{% else ${newlines(token)}%}`;
      }
      // Inside a comment, Liquid still parses the tags it knows (their warnings and errors
      // stand); what the comment's own body holds otherwise is ignored.
      const read = Object.hasOwn(REWRITES, name) ? REWRITES[name] : undefined;
      if (read && !(block === 'comment' && (name === 'elsif' || name === 'when'))) {
        const markupText = rewrite(() => read(markup));
        written = `{% ${name} ${markupText} ${newlines(token)}%}`;
      }
      // A comment is written as its opening and closing tags alone.
      if (wasInComment && inComment()) written = newlines(token);
      out.push(written);
    }
    line += countLines(token);
    offset += token.length;
  }
  return { source: out.join(''), warnings };
}
