/** Jekyll's string filters, and Liquid's where Ruby's behaviour differs from liquidjs's. */

import { slugify } from '../../../ruby/slugify.ts';
import { escapeHtml, escapeOnce, normalizeWhitespace, xmlEscape } from '../../../ruby/text.ts';
import { RubyFloat } from '../../../ruby/values.ts';
import { smartify } from '../../kramdown/index.ts';
import { rubyInspect } from '../ruby-output.ts';

/**
 * Ruby's class of a value whose class surely has no String methods (nil, numbers, booleans,
 * arrays), else undefined: Jekyll's text filters call `split`, `gsub`… on their input and stop
 * the build with a NoMethodError when given one of these.
 */
function notTextClass(value: unknown): string | undefined {
  if (value == null) return 'NilClass';
  if (value instanceof RubyFloat) return 'Float';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Float';
  if (typeof value === 'boolean') return value ? 'TrueClass' : 'FalseClass';
  if (Array.isArray(value)) return 'Array';
  return undefined;
}

/** Ruby's NoMethodError text, as Jekyll prints it when it stops. */
function noMethod(method: string, value: unknown, className: string): Error {
  return new Error(`undefined method \`${method}' for ${rubyInspect(value)}:${className}`);
}

/** Ruby's whitespace for `String#split` and `\s`: ASCII only, never a no-break or ideographic space. */
const RUBY_SPACE = /[ \t\n\v\f\r]+/;

/** Ruby's `String#split(pattern)`: a single space splits on runs of whitespace; trailing empties go. */
export function rubySplit(input: unknown, pattern: unknown): string[] {
  const text = input == null ? '' : String(input);
  const separator = pattern == null ? ' ' : String(pattern);
  let parts: string[];
  if (separator === ' ') parts = text.split(RUBY_SPACE).filter(Boolean);
  else if (separator === '') parts = [...text];
  else parts = text.split(separator);
  while (parts.length && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

const CJK = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}\p{Script=Hangul}]/gu;

/**
 * Jekyll's `number_of_words`: `input.split.length`, Ruby's split on ASCII whitespace. The `cjk`
 * and `auto` modes are Jekyll 4.1+ (GitHub Pages' 3.10 stops the build on the argument).
 */
function numberOfWords(input: unknown, mode?: unknown): number {
  const className = notTextClass(input);
  if (className) throw noMethod(mode === 'cjk' || mode === 'auto' ? 'scan' : 'split', input, className);
  const text = String(input);
  const words = (value: string) => value.split(RUBY_SPACE).filter(Boolean).length;
  if (mode === 'cjk') return (text.match(CJK) ?? []).length + words(text.replace(CJK, ' '));
  if (mode === 'auto') {
    const cjk = (text.match(CJK) ?? []).length;
    return cjk > 0 ? cjk + words(text.replace(CJK, ' ')) : words(text);
  }
  return words(text);
}

/** Ruby's `to_s` inside a string: nil is empty, an array or hash its inspect. */
const interpolated = (value: unknown): string =>
  value == null
    ? ''
    : typeof value === 'object' && !(value instanceof Date)
      ? rubyInspect(value)
      : String(value);

/** Ruby's `Array#join`: nil is empty, nested arrays are joined in place with the same separator. */
const joined = (items: unknown[], separator: string): string =>
  items.map((item) => (Array.isArray(item) ? joined(item, separator) : interpolated(item))).join(separator);

/**
 * Liquid 4.0.4's `truncatewords` (GitHub Pages'): Ruby's split on ASCII whitespace; text with
 * fewer words than asked comes back untouched, spacing and all; exactly as many gets the ending
 * too (Liquid 5 does not add it there).
 */
/** `Liquid::Utils.to_integer`: an Integer, or text Ruby's `Integer()` reads; else "invalid integer". */
function liquidInteger(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  const text = interpolated(value);
  if (!/^\s*[-+]?\d+(?:_\d+)*\s*$/.test(text)) throw new Error('invalid integer');
  return Number.parseInt(text.replace(/_/g, ''), 10);
}

function truncateWords(input: unknown, words: unknown = 15, ending: unknown = '...'): unknown {
  if (input == null) return input;
  const text = interpolated(input);
  const list = text.split(RUBY_SPACE).filter(Boolean);
  const last = Math.max(liquidInteger(words) - 1, 0);
  return list.length > last ? `${list.slice(0, last + 1).join(' ')}${interpolated(ending)}` : input;
}

function arrayToSentenceString(input: unknown, connector: unknown = 'and'): string {
  const className = notTextClass(input);
  if (className && className !== 'Array') throw noMethod('length', input, className);
  // A string is taken as Ruby takes it: its characters, which it cannot join.
  const array = typeof input === 'string' ? [...input] : Array.isArray(input) ? input : [];
  if (typeof input === 'string' && array.length > 2)
    throw noMethod('join', array.slice(0, -1).join(''), 'String');
  const and = interpolated(connector);
  if (array.length === 0) return '';
  if (array.length === 1) return interpolated(array[0]);
  if (array.length === 2) return `${interpolated(array[0])} ${and} ${interpolated(array[1])}`;
  return `${joined(array.slice(0, -1), ', ')}, ${and} ${interpolated(array[array.length - 1])}`;
}

/**
 * `jsonify`: Ruby's `to_json`. Documents nested two deep lose their content and neighbours, as
 * Jekyll's DocumentDrop#hash_for_json does, so a page that lists posts does not explode.
 */
export function jsonify(input: unknown): string {
  const seen = new Set<object>();
  const walk = (value: unknown, depth: number): unknown => {
    if (value == null || typeof value !== 'object') return value;
    // JSON.stringify has no way to write 4.0: a marker, replaced below.
    if (value instanceof RubyFloat) return `${FLOAT_MARK}${value}${FLOAT_MARK}`;
    if (value instanceof Date) return value.toString();
    if (seen.has(value)) return null;
    seen.add(value);
    try {
      if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1));
      const out: Record<string, unknown> = {};
      const isDocument = 'collection' in value && 'url' in value && 'next' in value;
      for (const key of Object.keys(value)) {
        if (isDocument && depth >= 2 && ['content', 'output', 'excerpt', 'next', 'previous'].includes(key))
          continue;
        const item = (value as Record<string, unknown>)[key];
        if (typeof item === 'function') continue;
        out[key] = walk(item, depth + 1);
      }
      return out;
    } finally {
      seen.delete(value);
    }
  };
  return (JSON.stringify(walk(input, 0)) ?? 'null').replace(FLOAT_IN_JSON, '$1');
}

const FLOAT_MARK = '\u0000float\u0000';
const FLOAT_IN_JSON = /"\\u0000float\\u0000([^"\\]*)\\u0000float\\u0000"/g;

const SLUG_MODES = new Set(['raw', 'default', 'pretty', 'ascii', 'latin']);

export function stringFilters(setup: {
  /** The site's `kramdown:` settings (one object, so smartify resolves its options once). */
  kramdown: Record<string, unknown>;
  markdownify(text: string): string;
  scssify(text: string, syntax: 'scss' | 'sass'): string;
}) {
  return {
    xml_escape: xmlEscape,
    escape: escapeHtml,
    escape_once: escapeOnce,
    h: escapeHtml,
    markdownify: (input: unknown) => setup.markdownify(input == null ? '' : String(input)),
    // Jekyll's SmartyPants converter: kramdown with the site's kramdown: settings.
    smartify: (input: unknown) => smartify(input == null ? '' : String(input), setup.kramdown),
    scssify: (input: unknown) => setup.scssify(String(input ?? ''), 'scss'),
    sassify: (input: unknown) => setup.scssify(String(input ?? ''), 'sass'),
    slugify: (input: unknown, mode?: unknown) => {
      const className = input == null ? undefined : notTextClass(input);
      if (className)
        throw noMethod(SLUG_MODES.has(String(mode ?? 'default')) ? 'gsub' : 'downcase', input, className);
      return input == null ? input : slugify(input, mode == null ? undefined : String(mode));
    },
    jsonify,
    normalize_whitespace: (input: unknown) => normalizeWhitespace(String(input ?? '')),
    number_of_words: numberOfWords,
    truncatewords: truncateWords,
    array_to_sentence_string: arrayToSentenceString,
    inspect: (input: unknown) => xmlEscape(rubyInspect(input)),
    split: rubySplit,
    to_integer: (input: unknown) =>
      typeof input === 'boolean' ? (input ? 1 : 0) : Number.parseInt(String(input ?? 0), 10) || 0,
  };
}
