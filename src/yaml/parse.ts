/**
 * YAML as Jekyll reads it: Ruby's Psych, which speaks YAML 1.1 (`yes`/`no`/`on`/`off` are
 * booleans, `0755` is octal, `1:20` is sexagesimal), allows aliases and duplicate keys (the
 * last one wins), and turns timestamps into Ruby Date/Time objects.
 */
import { isMap, isScalar, isSeq, parseDocument, type Scalar, type YAMLError } from 'yaml';
import { type ProblemInit, SiteError } from '../errors.ts';
import { asRubyValues } from '../ruby/values.ts';
import { fastYaml } from './fast.ts';
import { YAML_OPTIONS } from './schema.ts';

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

/** What a quoted or flow value leaves open at the end of a line: a quote, brackets, or both. */
interface Open {
  quote?: string;
  depth: number;
  /** The last character that is not white space, where a flow scalar may start after `[{,:`. */
  previous: string;
}

/** Reads a value on, from where it stands (`open`); undefined once it has ended. */
function scanValue(text: string, open: Open): Open | undefined {
  let { quote, depth, previous } = open;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = undefined;
    } else if (quote === "'") {
      if (c === "'" && text[i + 1] === "'") i++;
      else if (c === "'") quote = undefined;
    } else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) break;
    // Inside brackets a quote opens a value only where one may start (`[a, "b"]`, not `[it's]`).
    else if ((c === '"' || c === "'") && /[[{,:]/.test(previous)) quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    if (quote === undefined && depth <= 0) return undefined;
    if (!/\s/.test(c)) previous = c;
  }
  return { quote, depth, previous };
}

/** A quoted or flow value opened on this line (after `key:` or `- `) and still open at its end. */
function openValue(line: string): Open | undefined {
  // An anchor or a tag may stand between the key and the value (`name: &name "…`).
  const m = /^\s*(?:-\s+)?(?:[^\s#'"][^#'"]*?:\s+)?(?:[&!]\S*\s+)*(['"[{])(.*)$/.exec(line);
  if (!m) return undefined;
  const opener = m[1];
  return opener === '"' || opener === "'"
    ? scanValue(m[2], { quote: opener, depth: 0, previous: opener })
    : scanValue(m[2], { depth: 1, previous: opener });
}

/** A flow collection as a key on one line (`[//]: # a note`), without quotes inside. */
const FLOW_KEY = /^(\s*)([[{][^'"#]*?[\]}])(\s*:(?:\s|$))/;
/** A line whose value is a block scalar (`key: |`, `- >-`): the lines below it are its text. */
const BLOCK_SCALAR = /^\s*(?:-\s+|[^\s#'"][^#'"]*?:\s+)[|>][-+0-9]*\s*(?:#.*)?$/;

/**
 * Lines that libyaml (Psych) reads and the yaml package does not, made into ones both read
 * alike: a quoted value or a flow list continued on unindented lines (indented by one space;
 * line folding drops it), and a flow key after a blank or comment line (`[//]: # note`, which
 * the yaml package 2.9 fails on; quoted, the key is the string it would have made anyway).
 * Block scalars' text is left as it is.
 */
function lenientLines(text: string): string {
  const lines = text.split('\n');
  let open: Open | undefined;
  let indent = 0;
  let block: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const own = /^\s*/.exec(lines[i])![0].length;
    if (block !== undefined) {
      if (lines[i].trim() === '' || own > block) continue;
      block = undefined;
    }
    if (open) {
      if (lines[i].trim() !== '' && own <= indent) lines[i] = ' '.repeat(indent + 1 - own) + lines[i];
      open = scanValue(lines[i], open);
      continue;
    }
    const key = FLOW_KEY.exec(lines[i]);
    if (key) lines[i] = `${key[1]}'${key[2]}'${key[3]}${lines[i].slice(key[0].length)}`;
    else if (BLOCK_SCALAR.test(lines[i])) block = own;
    open = key ? undefined : openValue(lines[i]);
    indent = own;
  }
  return lines.join('\n');
}

/**
 * libyaml (Psych) starts a comment at a `#` right after a closing quote or bracket
 * (`email: "a@b.org"# yours`); the yaml package wants white space first and says so at each such
 * `#`. Give it that space, which changes no value.
 */
function separateComments(text: string, errors: readonly YAMLError[]): string {
  const at = errors
    .filter((error) => /^Comments must be separated/.test(error.message) && text[error.pos[0]] === '#')
    .map((error) => error.pos[0])
    .sort((a, b) => b - a);
  let spaced = text;
  for (const offset of at) spaced = `${spaced.slice(0, offset)} ${spaced.slice(offset)}`;
  return spaced;
}

/** Parse YAML; a syntax error becomes a SiteError pointing at the line in the real file. */
export function parseYaml(text: string, options: YamlOptions): unknown {
  const fast = fastYaml(text);
  return fast === undefined ? parseFully(text, options) : asRubyValues(fast);
}

/** The full parser (the `yaml` package, set up as Psych reads). */
export function parseFully(text: string, options: YamlOptions): unknown {
  let doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length) {
    // What Psych reads and the yaml package does not: a quoted value or a flow list continued
    // on unindented lines, a comment right after a quote. Retried only when the file fails as it is.
    let lenient = lenientLines(text);
    let retry = lenient === text ? doc : parseDocument(lenient, YAML_OPTIONS);
    const spaced = separateComments(lenient, retry.errors);
    if (spaced !== lenient) {
      lenient = spaced;
      retry = parseDocument(lenient, YAML_OPTIONS);
    }
    if (!retry.errors.length) doc = retry;
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
      // Jekyll's YAML takes the last value without a word: a finding for `check`, not a warning.
      note: 'check',
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
