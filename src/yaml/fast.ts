/**
 * A fast path for the YAML that Jekyll sites are made of: block mappings and sequences (also a
 * sequence written at its key's indentation), one-line plain and quoted scalars, flow lists of
 * scalars, comments, anchors, aliases and `<<` merges. The full parser (the `yaml` package) takes
 * ~50 ms to read academicpages' `_config.yml` and `_data/ui-text.yml` when a build starts; this
 * reads them in a few. It gives the very values the full parser gives, down to an alias being the
 * same object as its anchor (a test compares the two on generated documents and real sites'
 * files), and leaves anything else to it by returning undefined: block scalars, multi-line
 * values, flow mappings, tags, a key set twice (the full parser warns), documents markers.
 */
import { isScalar, parseDocument, type ScalarTag } from 'yaml';
import { YAML_OPTIONS } from './schema.ts';

// The schema and options the full parser uses, taken from it, so the fast path types alike.
const { schema, options: parseOptions } = parseDocument('', YAML_OPTIONS);
const plainTags = schema.tags.filter((tag) => tag.default === true && tag.test) as ScalarTag[];

/** A plain scalar as the parser types it (`yes`, `1:20`, dates…); undefined if it would complain. */
function plainValue(source: string): { value: unknown } | undefined {
  const tag = plainTags.find((candidate) => candidate.test!.test(source));
  if (!tag) return { value: source };
  let failed = false;
  const resolved = tag.resolve(source, () => (failed = true), parseOptions);
  if (failed) return undefined;
  return { value: isScalar(resolved) ? resolved.value : resolved };
}

/** Thrown inside the fast path when the text is beyond it; never escapes `fastYaml`. */
const BEYOND = Symbol('beyond the fast path');

interface Line {
  indent: number;
  /** The line without its indentation or trailing spaces. */
  text: string;
}

/** `key: rest` or `key:`; the key is a plain scalar without `:`, `#` or flow indicators. */
const KEY_LINE = /^([A-Za-z0-9_$][^:#[\]{},]*?) *:(?: +(.*))?$/;
const MERGE_LINE = /^<< *:(?: +(.*))?$/;
/** A plain scalar on one line: no indicator first (but `-` before a number), no `: ` or ` #`. */
const PLAIN = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-[0-9.])(?:(?!: | #).)*(?<!:)$/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'(?: +#.*)?$/;
const FLOW_PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^,[\]{}#:'"]*[^\s,[\]{}#:'"])?$/;
const ANCHOR = /^&([^\s,[\]{}]+)(?: +|$)/;
const ALIAS = /^\*([^\s,[\]{}]+)(?: +#.*)?$/;
/** A comment after a value, or nothing. */
const REST = /^(?: +#.*)?$/;

/** The YAML's value when the fast path can read all of it, else undefined (use the full parser). */
export function fastYaml(text: string): unknown {
  // Tabs, carriage returns, control characters, YAML 1.1's other line breaks and BOMs: the full
  // parser's rules apply.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
  if (/[\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029\ufeff]/.test(text)) return undefined;
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    const content = raw.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    // Document markers and directives.
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(raw) || raw.startsWith('%')) return undefined;
    lines.push({ indent: raw.length - content.length, text: content.trimEnd() });
  }
  if (!lines.length) return undefined;
  try {
    const reader = new BlockReader(lines);
    const value = reader.node(lines[0].indent);
    return reader.done() ? value : undefined;
  } catch (error) {
    if (error === BEYOND) return undefined;
    throw error;
  }
}

class BlockReader {
  private at = 0;
  private readonly anchors = new Map<string, unknown>();

  constructor(private readonly lines: Line[]) {}

  done(): boolean {
    return this.at === this.lines.length;
  }

  private get line(): Line | undefined {
    return this.lines[this.at];
  }

  /** The mapping or sequence starting on this line, at `indent`. */
  node(indent: number): unknown {
    const line = this.line!;
    if (line.indent !== indent) throw BEYOND;
    if (isItem(line.text)) return this.sequence(indent);
    return this.mapping(indent);
  }

  private mapping(indent: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const keys = new Set<string>();
    for (let line = this.line; line && line.indent === indent; line = this.line) {
      const merge = MERGE_LINE.exec(line.text);
      if (merge) {
        this.at++;
        this.merge(result, merge[1] ?? '');
        continue;
      }
      const match = KEY_LINE.exec(line.text);
      if (!match) throw BEYOND;
      const [, key, rest = ''] = match;
      this.at++;
      if (keys.has(key) || key === '__proto__' || plainTags.some((tag) => tag.test!.test(key))) throw BEYOND;
      keys.add(key);
      result[key] = this.value(rest, indent, true);
    }
    this.endOfBlock(indent);
    return result;
  }

  /**
   * `<<: *name`: the keys of that mapping that this one lacks, as the full parser merges. Only a
   * mapping of scalars, whose values are the same whether copied or shared.
   */
  private merge(into: Record<string, unknown>, rest: string): void {
    const alias = ALIAS.exec(rest);
    if (!alias || !this.anchors.has(alias[1])) throw BEYOND;
    const source = this.anchors.get(alias[1]);
    if (source === null || typeof source !== 'object' || Array.isArray(source)) throw BEYOND;
    for (const [key, value] of Object.entries(source)) {
      if (Array.isArray(value) || (value !== null && Object.getPrototypeOf(value) === Object.prototype))
        throw BEYOND;
      if (!Object.hasOwn(into, key)) into[key] = value;
    }
  }

  private sequence(indent: number): unknown[] {
    const result: unknown[] = [];
    for (let line = this.line; line && line.indent === indent && isItem(line.text); line = this.line) {
      const rest = line.text.slice(1).trimStart();
      if (rest === '' || isItem(rest)) throw BEYOND; // `-` alone, or `- - x`
      if (KEY_LINE.test(rest)) {
        // `- key: value` starts a mapping at the key's column; read this line as its first.
        const column = indent + line.text.length - rest.length;
        this.lines[this.at] = { indent: column, text: rest };
        result.push(this.mapping(column));
        continue;
      }
      this.at++;
      result.push(this.value(rest, indent, false));
    }
    this.endOfBlock(indent);
    return result;
  }

  /** After a block at `indent`, the next line must belong to an outer block. */
  private endOfBlock(indent: number): void {
    const next = this.line;
    if (next && next.indent > indent) throw BEYOND;
  }

  /**
   * The value after `key:` or `- ` (`rest`, maybe empty) on a line at `indent`: a scalar on that
   * line, or the block on the lines below (in a mapping, a sequence may sit at the key's indent).
   */
  private value(rest: string, indent: number, inMapping: boolean): unknown {
    let anchor: string | undefined;
    const anchored = ANCHOR.exec(rest);
    if (anchored) {
      anchor = anchored[1];
      rest = rest.slice(anchored[0].length);
      // Inside its own block the name means this node, which is still being read (a circle).
      this.anchors.delete(anchor);
    }
    let value: unknown;
    if (rest === '' || rest.startsWith('#')) {
      const next = this.line;
      if (next && next.indent > indent) value = this.node(next.indent);
      else if (next && inMapping && next.indent === indent && isItem(next.text))
        value = this.sequence(indent);
      else value = null;
    } else {
      value = this.scalar(rest, anchor !== undefined);
      // A deeper line after a value on this line would continue it: multi-line, beyond the fast path.
      this.endOfBlock(indent);
    }
    if (anchor !== undefined) this.anchors.set(anchor, value);
    return value;
  }

  private scalar(text: string, anchored: boolean): unknown {
    if (text.startsWith('*')) {
      const alias = ALIAS.exec(text);
      if (!alias || anchored || !this.anchors.has(alias[1])) throw BEYOND;
      return this.anchors.get(alias[1]);
    }
    if (text.startsWith("'")) {
      const quoted = SINGLE_QUOTED.exec(text);
      if (!quoted) throw BEYOND;
      return quoted[1].replaceAll("''", "'");
    }
    if (text.startsWith('"')) {
      const quoted = doubleQuoted(text);
      if (!quoted || !REST.test(text.slice(quoted.end))) throw BEYOND;
      return quoted.value;
    }
    if (text.startsWith('[')) return flowSequence(text);
    if (/^\{\}(?: +#.*)?$/.test(text)) return {};
    const comment = text.search(/ +#/);
    const source = comment < 0 ? text : text.slice(0, comment);
    const typed = PLAIN.test(source) ? plainValue(source) : undefined;
    if (!typed) throw BEYOND;
    return typed.value;
  }
}

const isItem = (text: string) => text === '-' || text.startsWith('- ');

/** `[a, 'b', "c"]` on one line, of scalars only. */
function flowSequence(text: string): unknown[] {
  const values: unknown[] = [];
  let at = 1;
  const skipSpaces = () => {
    while (text[at] === ' ') at++;
  };
  skipSpaces();
  if (text[at] === ']') {
    if (!REST.test(text.slice(at + 1))) throw BEYOND;
    return values;
  }
  for (;;) {
    skipSpaces();
    if (text[at] === "'") {
      const end = /^'((?:[^']|'')*)'/.exec(text.slice(at));
      if (!end) throw BEYOND;
      values.push(end[1].replaceAll("''", "'"));
      at += end[0].length;
    } else if (text[at] === '"') {
      const quoted = doubleQuoted(text.slice(at));
      if (!quoted) throw BEYOND;
      values.push(quoted.value);
      at += quoted.end;
    } else {
      const end = text.slice(at).search(/[,\]]/);
      if (end < 0) throw BEYOND;
      const item = text.slice(at, at + end).trimEnd();
      const typed = FLOW_PLAIN.test(item) ? plainValue(item) : undefined;
      if (!typed) throw BEYOND;
      values.push(typed.value);
      at += end;
    }
    skipSpaces();
    if (text[at] === ']') {
      if (!REST.test(text.slice(at + 1))) throw BEYOND;
      return values;
    }
    if (text[at] !== ',') throw BEYOND;
    at++;
    skipSpaces();
    if (text[at] === ']' || text[at] === ',') throw BEYOND; // `[a,]`: left to the full parser
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A double-quoted scalar that closes on its line: its value and where it ends. */
function doubleQuoted(text: string): { value: string; end: number } | undefined {
  let value = '';
  for (let at = 1; at < text.length; at++) {
    const char = text[at];
    if (char === '"') return { value, end: at + 1 };
    if (char !== '\\') {
      value += char;
      continue;
    }
    const escaped = text[++at];
    if (escaped === undefined) return undefined;
    if (Object.hasOwn(ESCAPES, escaped)) {
      value += ESCAPES[escaped];
      continue;
    }
    const length = HEX_LENGTH[escaped];
    const hex = length === undefined ? '' : text.slice(at + 1, at + 1 + length);
    if (!length || !new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) return undefined;
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff) return undefined;
    value += String.fromCodePoint(code);
    at += length;
  }
  return undefined;
}
