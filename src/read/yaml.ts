/**
 * YAML as Jekyll reads it: Ruby's Psych, which speaks YAML 1.1 (`yes`/`no`/`on`/`off` are
 * booleans, `0755` is octal, `1:20` is sexagesimal), allows aliases and duplicate keys (the
 * last one wins), and turns timestamps into Ruby Date/Time objects.
 */
import { isMap, isScalar, isSeq, parseDocument, type Scalar, type ScalarTag, type Tags } from 'yaml';
import { type ProblemInit, SiteError } from '../errors.ts';
import { asRubyValues, rubyFloat } from '../site/ruby-values.ts';
import { RubyTime } from '../site/time.ts';

// Psych's ScalarScanner: case-insensitive, and no `y`/`n` (unlike the YAML 1.1 spec).
const psychBool: ScalarTag = {
  tag: 'tag:yaml.org,2002:bool',
  default: true,
  test: /^(?:yes|true|on|no|false|off)$/i,
  resolve: (source: string) => /^(?:yes|true|on)$/i.test(source),
};

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const TIME =
  /^(-?\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|\s+)(\d{1,2}):(\d\d):(\d\d)(?:\.(\d*))?\s*(Z|[-+]\d{1,2}(?::?\d\d)?)?$/;

// A Date without time is a Ruby Date (local midnight); a time without a zone is read as UTC,
// as Psych's `parse_time` does (`Time.at(Time.utc(...))`).
const psychTimestamp: ScalarTag = {
  tag: 'tag:yaml.org,2002:timestamp',
  default: true,
  test: /^(?:\d{4}-\d{1,2}-\d{1,2}|-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?\s*(?:Z|[-+]\d{1,2}(?::?\d\d)?)?)$/,
  resolve(source: string) {
    const date = DATE.exec(source);
    if (date) return new RubyTime(new Date(+date[1], +date[2] - 1, +date[3]), true);
    const m = TIME.exec(source)!;
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    let utc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], ms);
    if (m[8] && m[8] !== 'Z') {
      const [, sign, hours, minutes] = /^([-+])(\d{1,2}):?(\d\d)?$/.exec(m[8])!;
      const offset = (+hours * 60 + +(minutes ?? 0)) * 60_000;
      utc += sign === '-' ? offset : -offset;
    }
    return new RubyTime(utc);
  },
};

// Psych's FLOAT: a dot is needed and an exponent has a sign (`1e3` is the string "1e3", `1.0e+3`
// a float); `,` and `_` may group digits. `.inf`, `.nan` in any case. A float that JavaScript
// would print as an integer is a RubyFloat, so `4.0` prints as `4.0` (see rubyFloat).
const psychFloat: ScalarTag = {
  tag: 'tag:yaml.org,2002:float',
  default: true,
  test: /^(?:[-+]?(?=[0-9,_]*\.[0-9]|[0-9])(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?|[-+]?\.inf|\.nan)$/i,
  resolve(source: string) {
    if (/^[-+]?\.inf$/i.test(source)) return source.startsWith('-') ? -Infinity : Infinity;
    if (/^\.nan$/i.test(source)) return Number.NaN;
    const value = Number.parseFloat(source.replace(/[,_]/g, '').replace(/\.(?=[eE]|$)/, ''));
    return rubyFloat(value);
  },
};

function psychTags(tags: Tags): Tags {
  const kept = tags.filter((tag) => {
    if (typeof tag === 'string') return true;
    if (tag.tag === 'tag:yaml.org,2002:float') return tag.format === 'TIME'; // `1:20.5` stays
    return tag.tag !== 'tag:yaml.org,2002:bool' && tag.tag !== 'tag:yaml.org,2002:timestamp';
  });
  return [psychBool, psychTimestamp, psychFloat, ...kept];
}

export interface YamlOptions {
  /** Site-relative path, for messages. */
  file: string;
  /** Lines above this YAML in its file (front matter starts on line 2). */
  lineOffset?: number;
  /** The whole file's text, for a code frame; defaults to the YAML itself. */
  fileSource?: string;
  /** Told of a key set twice in one mapping (Psych keeps the last value without a word). */
  warn?: (problem: ProblemInit) => void;
}

/** Where a quoted scalar opened on this line is still open at its end, the quote character. */
function openQuote(line: string): string | undefined {
  const m = /^\s*(?:-\s+)?[^\s#'"][^#'"]*?:\s+(['"])(.*)$/.exec(line);
  if (!m) return undefined;
  return closes(m[2], m[1]) ? undefined : m[1];
}

function closes(rest: string, quote: string): boolean {
  const body = quote === "'" ? rest.replace(/''/g, '') : rest.replace(/\\./g, '');
  return body.includes(quote);
}

/**
 * libyaml (Psych) accepts a quoted value whose continuation lines are not indented; the yaml
 * package follows the spec and refuses it. Indent those lines by one space, which changes no
 * value (line folding drops the indentation).
 */
function indentQuotedContinuations(text: string): string {
  const lines = text.split('\n');
  let quote: string | undefined;
  let indent = 0;
  for (let i = 0; i < lines.length; i++) {
    if (quote) {
      const own = /^\s*/.exec(lines[i])![0].length;
      if (lines[i].trim() !== '' && own <= indent) lines[i] = ' '.repeat(indent + 1 - own) + lines[i];
      if (closes(lines[i], quote)) quote = undefined;
      continue;
    }
    quote = openQuote(lines[i]);
    indent = /^\s*/.exec(lines[i])![0].length;
  }
  return lines.join('\n');
}

const YAML_OPTIONS = {
  version: '1.1',
  customTags: psychTags,
  uniqueKeys: false,
  merge: true,
  prettyErrors: false,
} as const;

/** Parse YAML; a syntax error becomes a SiteError pointing at the line in the real file. */
export function parseYaml(text: string, options: YamlOptions): unknown {
  const simple = simpleMapping(text);
  return simple ? asRubyValues(simple) : parseFully(text, options);
}

/** The full parser (the `yaml` package, set up as Psych reads). */
export function parseFully(text: string, options: YamlOptions): unknown {
  let doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length) {
    const lenient = indentQuotedContinuations(text);
    if (lenient !== text) {
      const retry = parseDocument(lenient, YAML_OPTIONS);
      if (!retry.errors.length) doc = retry;
    }
  }
  const error = doc.errors[0];
  if (error) {
    const offset = options.lineOffset ?? 0;
    const before = text.slice(0, error.pos[0]);
    let line = before.split('\n').length;
    let column = error.pos[0] - before.lastIndexOf('\n');
    // An unclosed quote is reported where the text ends; point at the quote that opened it.
    // An apostrophe that closed a single-quoted value early: point at it, not at what follows.
    if (
      error.code === 'UNEXPECTED_TOKEN' &&
      /^Unexpected scalar/.test(error.message) &&
      text[error.pos[0] - 1] === "'"
    )
      column--;
    const quote = /^Missing closing (["'])quote/.exec(error.message)?.[1];
    if (quote) {
      const lines = before.split('\n');
      for (let i = lines.length - 1; i >= 0; i--) {
        const at = lines[i].lastIndexOf(quote);
        if (at < 0) continue;
        line = i + 1;
        column = at + 1;
        break;
      }
    }
    throw new SiteError({
      message: `invalid YAML: ${firstLine(error.message)}`,
      file: options.file,
      line: line + offset,
      column,
      source: options.fileSource ?? text,
      hint: yamlHint(error.code, text.split('\n')[line - 1] ?? ''),
    });
  }
  const duplicate = options.warn && firstDuplicateKey(doc.contents);
  if (duplicate) {
    const before = text.slice(0, duplicate.offset);
    options.warn!({
      message: `"${duplicate.key}" is set twice here; the last value is the one used`,
      file: options.file,
      line: before.split('\n').length + (options.lineOffset ?? 0),
      column: duplicate.offset - before.lastIndexOf('\n'),
      source: options.fileSource ?? text,
      hint: `Remove one of the two "${duplicate.key}:" lines.`,
    });
  }
  try {
    return asRubyValues(doc.toJS({ maxAliasCount: 10_000 }));
  } catch (error) {
    // Parsed, but not made into values: a merge (`<<`) of something that is not a mapping, an
    // alias expanding past the limit.
    const at = text.search(/^\s*<<\s*:/m);
    const line = at < 0 ? 1 : text.slice(0, at).split('\n').length;
    throw new SiteError({
      message: `invalid YAML: ${firstLine((error as Error).message)}`,
      file: options.file,
      line: line + (options.lineOffset ?? 0),
      source: options.fileSource ?? text,
      hint: 'Check the anchors (&name) and aliases (*name) here: `<<: *name` must name a mapping defined above it.',
    });
  }
}

/** The second occurrence of a key in any mapping of the document, with its offset in the text. */
function firstDuplicateKey(node: unknown): { key: string; offset: number } | undefined {
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && key !== '<<') {
        if (seen.has(key)) return { key, offset: (pair.key as Scalar).range?.[0] ?? 0 };
        seen.add(key);
      }
      const inner = firstDuplicateKey(pair.value);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inner = firstDuplicateKey(item);
      if (inner) return inner;
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string, line: string): string {
  if (/^\t/.test(line) || code === 'TAB_AS_INDENT')
    return 'YAML does not allow tabs for indentation: use spaces.';
  if (/:\s*'[^']*'[^']*'/.test(line))
    return "Inside a single-quoted value, write an apostrophe as two ('') or use double quotes.";
  if (code === 'MISSING_CHAR' || code === 'BAD_DQ_ESCAPE')
    return 'Check that every quote you open is closed.';
  if (/:\s*[^'"].*: /.test(line)) return 'A value containing ": " must be put in quotes.';
  return 'Check the indentation and quoting on this line and the one before it.';
}

// The schema and options the full parser uses, taken from it, so the fast path types alike.
const { schema, options: parseOptions } = parseDocument('', YAML_OPTIONS);
const plainTags = schema.tags.filter((tag) => tag.default === true && tag.test) as ScalarTag[];

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
/** A plain scalar on one line: no indicator first (but `-` before a number), no `: ` or ` #`. */
const PLAIN = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-[0-9.])(?:(?!: | #).)*(?<!:)$/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const FLOW_ITEM = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^,[\]{}#:'"\t]*[^\s,[\]{}#:'"])?$/;

/** A plain scalar as the parser types it (`yes`, `1:20`, dates…); undefined if it would complain. */
function plainValue(source: string): { value: unknown } | undefined {
  const tag = plainTags.find((candidate) => candidate.test!.test(source));
  if (!tag) return { value: source };
  let failed = false;
  const resolved = tag.resolve(source, () => (failed = true), parseOptions);
  if (failed) return undefined;
  return { value: isScalar(resolved) ? resolved.value : resolved };
}

/**
 * A fast path for the YAML most front matter is: `key: value` lines, each value on its line and
 * plain, quoted without escapes, or a flow list of plain words. The full parser takes ~0.2 ms a
 * file, a fifth of a 1,000-post build; this gives the very values it gives (a test compares
 * them on generated inputs) and leaves anything else to it (undefined).
 */
export function simpleMapping(text: string): Record<string, unknown> | undefined {
  // Tabs, carriage returns, control characters, YAML 1.1's other line breaks and BOMs: the full
  // parser's rules apply.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
  if (/[\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029\ufeff]/.test(text)) return undefined;
  const result: Record<string, unknown> = {};
  let keys = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const match = KEY_LINE.exec(line);
    if (!match) return undefined;
    const [, key, raw = ''] = match;
    if (Object.hasOwn(result, key) || key === '__proto__' || plainTags.some((tag) => tag.test!.test(key)))
      return undefined;
    const source = raw.trimEnd();
    let value: unknown;
    if (source === '') value = null;
    else if (SINGLE_QUOTED.test(source)) value = source.slice(1, -1).replaceAll("''", "'");
    else if (DOUBLE_QUOTED.test(source)) value = source.slice(1, -1);
    else if (source.startsWith('[') && source.endsWith(']')) {
      const inner = source.slice(1, -1).trim();
      const items = inner === '' ? [] : inner.split(',').map((item) => item.trim());
      const values: unknown[] = [];
      for (const item of items) {
        const typed = FLOW_ITEM.test(item) ? plainValue(item) : undefined;
        if (!typed) return undefined;
        values.push(typed.value);
      }
      value = values;
    } else {
      const typed = PLAIN.test(source) ? plainValue(source) : undefined;
      if (!typed) return undefined;
      value = typed.value;
    }
    result[key] = value;
    keys++;
  }
  return keys ? result : undefined;
}
