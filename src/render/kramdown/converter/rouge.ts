/**
 * kramdown's Rouge syntax highlighter (converter/syntax_highlighter/rouge.rb) as Jekyll configures
 * it: `default_lang: plaintext`, `guess_lang` from the site's `kramdown:` settings, the
 * HTMLLegacy formatter. Rouge's token spans come from the lexers ported so far (rouge/); other
 * languages get the escaped code text in the same markup, without them.
 */

import { escapeCode } from '../../escape-code.ts';
import { BIBTEX } from './rouge/bibtex.ts';
import { C } from './rouge/c.ts';
import { CONSOLE } from './rouge/console.ts';
import { CPP } from './rouge/cpp.ts';
import { CSS } from './rouge/css.ts';
import { DIFF } from './rouge/diff.ts';
import { DOCKER } from './rouge/docker.ts';
import { FORTRAN } from './rouge/fortran.ts';
import { HTML } from './rouge/html.ts';
import { INI } from './rouge/ini.ts';
import { JAVA } from './rouge/java.ts';
import { JAVASCRIPT, TYPESCRIPT } from './rouge/javascript.ts';
import { JSON_LEXER } from './rouge/json.ts';
import { LIQUID } from './rouge/liquid.ts';
import { markdownLexer } from './rouge/markdown.ts';
import { MATLAB } from './rouge/matlab.ts';
import { PYTHON } from './rouge/python.ts';
import { R } from './rouge/r.ts';
import { highlightTokens, type Lexer, lexer, NotPorted, rule } from './rouge/regex-lexer.ts';
import { RUBY } from './rouge/ruby.ts';
import { SHELL } from './rouge/shell.ts';
import { SWIFT } from './rouge/swift.ts';
import { YAML } from './rouge/yaml.ts';
import { ROUGE_LEXERS } from './rouge-lexers.ts';

export type CodeType = 'block' | 'span';

interface HighlighterOptions {
  default_lang?: string;
  guess_lang?: boolean;
  disable?: boolean;
  css_class?: string;
  wrap?: boolean;
  line_numbers?: unknown;
  start_line?: unknown;
}

/** The lexers ported from Rouge, by tag and alias; code in another language is written without token spans. */
const TOKEN_LEXERS: Record<string, Lexer> = {
  shell: SHELL,
  bash: SHELL,
  zsh: SHELL,
  ksh: SHELL,
  sh: SHELL,
  python: PYTHON,
  py: PYTHON,
  bibtex: BIBTEX,
  bib: BIBTEX,
  r: R,
  R: R,
  s: R,
  S: R,
  json: JSON_LEXER,
  yaml: YAML,
  yml: YAML,
  liquid: LIQUID,
  c: C,
  javascript: JAVASCRIPT,
  js: JAVASCRIPT,
  typescript: TYPESCRIPT,
  ts: TYPESCRIPT,
  css: CSS,
  html: HTML,
  cpp: CPP,
  'c++': CPP,
  diff: DIFF,
  patch: DIFF,
  udiff: DIFF,
  ini: INI,
  ruby: RUBY,
  rb: RUBY,
  console: CONSOLE,
  terminal: CONSOLE,
  shell_session: CONSOLE,
  'shell-session': CONSOLE,
  docker: DOCKER,
  dockerfile: DOCKER,
  Dockerfile: DOCKER,
  java: JAVA,
  swift: SWIFT,
  matlab: MATLAB,
  m: MATLAB,
  fortran: FORTRAN,
};
TOKEN_LEXERS.markdown = TOKEN_LEXERS.md = TOKEN_LEXERS.mkd = markdownLexer(fenceLexer);

/** Rouge's PlainText lexer: the whole text one plain token. */
const PLAIN = lexer({ root: [rule(/[\s\S]+/, '')] });

/** The lexer of a language named in a Markdown fence: undefined when Rouge knows no such name. */
function fenceLexer(name: string): Lexer | undefined {
  const tag = name.split('?', 1)[0];
  // Rouge would guess the language of a fence that names none: not ported.
  if (tag === '' || tag === 'guess') throw new NotPorted();
  if (!ROUGE_LEXERS.has(tag)) return undefined;
  if (PLAIN_TEXT.has(tag)) return PLAIN;
  const found = TOKEN_LEXERS[tag];
  if (!found) throw new NotPorted();
  return found;
}

/** Rouge's HTML formatter on `code` in `lang`, where that lexer is ported (Jekyll's highlight tag). */
export function rougeTokens(lang: string, code: string): string | undefined {
  const found = TOKEN_LEXERS[lang];
  if (!found) return undefined;
  try {
    return highlightTokens(found, code);
  } catch (error) {
    if (error instanceof NotPorted) return undefined;
    throw error;
  }
}

/** Rouge's tags for the plain-text lexer (its tag and alias). */
const PLAIN_TEXT = new Set(['plaintext', 'text']);

/**
 * Each site's options merged once per kind of code, not at every code span and block: a site
 * resolves its options once and converts thousands of documents with them.
 */
const mergedOptions = new WeakMap<Record<string, unknown>, Partial<Record<CodeType, HighlighterOptions>>>();

/** The options for one kind of code: the shared ones, then those under `span:` or `block:`. */
export function highlighterOptions(opts: Record<string, unknown>, type: CodeType): HighlighterOptions {
  let byType = mergedOptions.get(opts);
  if (!byType) {
    byType = {};
    mergedOptions.set(opts, byType);
  }
  byType[type] ??= mergeOptions(opts, type);
  return byType[type];
}

function mergeOptions(opts: Record<string, unknown>, type: CodeType): HighlighterOptions {
  const { span, block, ...shared } = opts;
  const own = (type === 'span' ? span : block) as Record<string, unknown> | undefined;
  const merged: HighlighterOptions = { ...shared, ...(own ?? {}) };
  if (type === 'span') merged.wrap = false;
  return merged;
}

/** Rouge::Lexer.find_fancy's name: `ruby?opt=1` names `ruby`; `guess` (Rouge guesses) is read as plain text. */
function lexerTag(name: string): string | undefined {
  const tag = name.includes('?') || name === 'guess' ? name.split('?', 1)[0] : name;
  if (tag === 'guess' || tag === '') return 'plaintext';
  return ROUGE_LEXERS.has(tag) ? tag : undefined;
}

/**
 * The highlighted code, or undefined where kramdown writes its own `<pre><code>` (no lexer of
 * that name, highlighting disabled, or plain text without `guess_lang`).
 */
export function highlight(
  text: string,
  lang: string | undefined,
  opts: HighlighterOptions,
): string | undefined {
  if (!lang && !opts.default_lang && !opts.guess_lang) return undefined;
  const tag = lexerTag(lang ?? opts.default_lang ?? 'guess');
  if (opts.disable || !tag || (PLAIN_TEXT.has(tag) && !opts.guess_lang)) return undefined;
  let code = rougeTokens(tag, text) ?? escapeCode(text);
  if (opts.line_numbers) code = withLineNumbers(code, text, Number(opts.start_line ?? 1));
  if (opts.wrap === false) return code;
  const cssClass = opts.css_class ?? 'highlight';
  return `<div class="highlight"><pre class="${cssClass}"><code>${code}</code></pre></div>`;
}

/** Rouge's HTMLTable: a gutter of line numbers beside the code; code not ending a line gets one. */
function withLineNumbers(code: string, text: string, startLine: number): string {
  let lines = text.split('\n').length - 1;
  let formatted = code;
  if (!text.endsWith('\n')) {
    lines++;
    formatted += '\n';
  }
  let numbers = '';
  for (let line = startLine; line < startLine + lines; line++) numbers += `${line}\n`;
  return (
    '<table class="rouge-table"><tbody><tr><td class="rouge-gutter gl">' +
    `<pre class="lineno">${numbers}</pre></td><td class="rouge-code"><pre>${formatted}</pre></td>` +
    '</tr></tbody></table>'
  );
}
