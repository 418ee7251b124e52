/**
 * Ruby Liquid's expressions, as GitHub Pages' Liquid 4.0.4 reads them: its regexes (liquid.rb),
 * its strict Lexer and Parser (lexer.rb, parser.rb), and `Expression.parse`, which turns every
 * expression text a tag or output hands it into a value — and which we turn into the liquidjs
 * text that means the same value. Strict and lax parsing differ only in how they cut markup into
 * expression texts; both end here.
 */

/** Ruby's `\s` (ASCII only: JavaScript's `\s` also takes Unicode spaces). */
export const SPACE = '[ \\t\\r\\n\\f\\v]';
const QUOTED_STRING = `"[^"]*"|'[^']*'`;
/** liquid.rb's QuotedFragment: a quoted string, or a run of anything but space, comma, pipe and quotes. */
export const QUOTED_FRAGMENT = `(?:${QUOTED_STRING}|(?:[^ \\t\\r\\n\\f\\v,|'"]|${QUOTED_STRING})+)`;
/** liquid.rb's TagAttributes: `name: value` pairs (for/tablerow limit, offset, cols). */
export const TAG_ATTRIBUTES = new RegExp(`(\\w+)${SPACE}*:${SPACE}*(${QUOTED_FRAGMENT})`, 'g');

export class LiquidSyntaxError extends Error {}

type TokenType =
  | 'comparison'
  | 'string'
  | 'number'
  | 'id'
  | 'dotdot'
  | 'pipe'
  | 'dot'
  | 'colon'
  | 'comma'
  | 'open_square'
  | 'close_square'
  | 'open_round'
  | 'close_round'
  | 'question'
  | 'dash'
  | 'end_of_string';
type LexToken = [TokenType, string?];

const SPECIALS: Record<string, TokenType> = {
  '|': 'pipe',
  '.': 'dot',
  ':': 'colon',
  ',': 'comma',
  '[': 'open_square',
  ']': 'close_square',
  '(': 'open_round',
  ')': 'close_round',
  '?': 'question',
  '-': 'dash',
};
/** lexer.rb's patterns, tried in its order at each place: one alternation does that in one step. */
const LEXEME =
  /[ \t\r\n\f\v]*(?:(==|!=|<>|<=?|>=?|contains(?=[ \t\r\n\f\v]))|('[^']*'|"[^"]*")|(-?\d+(?:\.\d+)?)|([a-zA-Z_][\w-]*\??)|(\.\.))?/y;
const LEXEME_TYPES: TokenType[] = ['comparison', 'string', 'number', 'id', 'dotdot'];

function lex(input: string): LexToken[] {
  const tokens: LexToken[] = [];
  let at = 0;
  while (at < input.length) {
    LEXEME.lastIndex = at;
    const m = LEXEME.exec(input) as RegExpExecArray;
    at = LEXEME.lastIndex;
    if (at >= input.length && m[0].trim() === '') break;
    const group = m.findIndex((text, i) => i > 0 && text !== undefined);
    if (group > 0) {
      tokens.push([LEXEME_TYPES[group - 1], m[group]]);
      continue;
    }
    const c = String.fromCodePoint(input.codePointAt(at) ?? 0);
    const type = SPECIALS[c];
    if (!type) throw new LiquidSyntaxError(`Unexpected character ${c}`);
    tokens.push([type, c]);
    at += c.length;
  }
  tokens.push(['end_of_string']);
  return tokens;
}

/** Ruby's `Array#inspect` of a lexer token, as its error messages print it. */
function inspect([type, text]: LexToken): string {
  return text === undefined ? `[:${type}]` : `[:${type}, ${JSON.stringify(text)}]`;
}

/** Ruby Liquid's strict parser: each method returns the expression texts it read. */
export class StrictParser {
  private readonly tokens: LexToken[];
  private p = 0;

  constructor(input: string) {
    this.tokens = lex(input);
  }

  consume(type?: TokenType): string {
    const token = this.tokens[this.p];
    if (type && token[0] !== type) throw new LiquidSyntaxError(`Expected ${type} but found ${token[0]}`);
    this.p++;
    return token[1] ?? '';
  }

  consumeIf(type: TokenType): string | false {
    const token = this.tokens[this.p];
    if (!token || token[0] !== type) return false;
    this.p++;
    return token[1] ?? '';
  }

  id(name: string): boolean {
    const token = this.tokens[this.p];
    if (token?.[0] !== 'id' || token[1] !== name) return false;
    this.p++;
    return true;
  }

  look(type: TokenType, ahead = 0): boolean {
    return this.tokens[this.p + ahead]?.[0] === type;
  }

  expression(): string {
    const token = this.tokens[this.p];
    if (token[0] === 'id') return this.variableSignature();
    if (token[0] === 'string' || token[0] === 'number') return this.consume();
    if (token[0] === 'open_round') {
      this.consume();
      const first = this.expression();
      this.consume('dotdot');
      const last = this.expression();
      this.consume('close_round');
      return `(${first}..${last})`;
    }
    throw new LiquidSyntaxError(`${inspect(token)} is not a valid expression`);
  }

  /** A filter argument: `name: expression` (a keyword) or an expression. */
  argument(): string {
    let text = '';
    if (this.look('id') && this.look('colon', 1)) text += `${this.consume()}${this.consume()} `;
    return text + this.expression();
  }

  private variableSignature(): string {
    let text = this.consume('id');
    while (this.look('open_square')) {
      text += this.consume();
      text += this.expression();
      text += this.consume('close_square');
    }
    if (this.look('dot')) {
      text += this.consume();
      text += this.variableSignature();
    }
    return text;
  }
}

const SINGLE_QUOTED = /^'([\s\S]*)'$/;
const DOUBLE_QUOTED = /^"([\s\S]*)"$/;
const INTEGER = /^(-?\d+)$/;
const FLOAT = /^(-?\d[\d.]+)$/;
const RANGE = /^\((\S+)\.\.(\S+)\)$/;
const VARIABLE_PARTS = /\[[^\]]+\]|[\w-]+\??/g;
const BRACKETED = /^\[([\s\S]*)\]$/;
const LITERALS = new Map([
  ['', 'nil'],
  ['nil', 'nil'],
  ['null', 'nil'],
  ['true', 'true'],
  ['false', 'false'],
  ['blank', 'blank'],
  ['empty', 'empty'],
]);
/** Names liquidjs would read as something else than a variable. */
const RESERVED = new Set([...LITERALS.keys(), 'and', 'or', 'contains', 'in', 'reversed', 'limit', 'offset']);
const PLAIN_NAME = /^[A-Za-z_]\w*$/;
/** `page.title`: most expressions, which liquidjs reads as Ruby does, as written. */
const SIMPLE_LOOKUP = /^([A-Za-z_]\w*)(?:\.[A-Za-z_]\w*)*$/;

/** A Ruby string as a liquidjs string literal (Ruby's have no escapes; liquidjs's do). */
export function stringLiteral(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Ruby's `String#to_f` of a FLOATS_REGEX match, written so that liquidjs reads a float. */
function floatLiteral(text: string): string {
  const value = Number.parseFloat(text);
  const written = String(value);
  return /[.e]/.test(written) ? written : `${written}.0`;
}

export interface ExpressionOptions {
  /** Filter arguments: floats go as text, which Ruby's `to_number` reads as the same Float
   * (liquidjs has no float type, so `4.0` would arrive as the integer 4). */
  filterArgument?: boolean;
}

/** The two ends of a range `(a..b)` as Expression.parse reads one, else undefined. */
export function rangeEnds(markup: string): [string, string] | undefined {
  const range = markup.startsWith('(') ? RANGE.exec(markup) : null;
  return range ? [range[1], range[2]] : undefined;
}

/** Ruby's `Expression.parse(markup)`, written as the liquidjs expression with the same value. */
export function expression(markup: string | undefined, options: ExpressionOptions = {}): string {
  if (markup === undefined) return 'nil';
  const literal = LITERALS.get(markup);
  if (literal !== undefined) return literal;
  const simple = SIMPLE_LOOKUP.exec(markup);
  if (simple && !RESERVED.has(simple[1])) return markup;
  // Each of Ruby's patterns starts with its own character: try only the one that can match.
  const first = markup[0];
  if (first === "'" || first === '"') {
    const quoted = (first === "'" ? SINGLE_QUOTED : DOUBLE_QUOTED).exec(markup);
    if (quoted) return stringLiteral(quoted[1]);
  } else if (first === '(') {
    const range = RANGE.exec(markup);
    if (range) return `(${expression(range[1])}..${expression(range[2])})`;
  } else if (first === '-' || (first >= '0' && first <= '9')) {
    if (INTEGER.test(markup)) return BigInt(markup).toString();
    if (FLOAT.test(markup)) {
      const float = floatLiteral(markup);
      return options.filterArgument ? `"${float}"` : float;
    }
  }
  return variableLookup(markup);
}

/** Ruby's `VariableLookup.new(markup)`: the name and lookups its regex finds, nothing else. */
function variableLookup(markup: string): string {
  const parts = markup.match(VARIABLE_PARTS) ?? [];
  if (parts.length === 0) return 'nil';
  const [name = '', ...lookups] = parts;
  const bracketedName = BRACKETED.exec(name);
  let text: string;
  if (bracketedName) text = `[${expression(bracketedName[1])}]`;
  else if (PLAIN_NAME.test(name) && !RESERVED.has(name)) text = name;
  else text = `[${stringLiteral(name)}]`;
  for (const lookup of lookups) {
    const bracketed = BRACKETED.exec(lookup);
    if (bracketed) text += `[${expression(bracketed[1])}]`;
    else if (PLAIN_NAME.test(lookup)) text += `.${lookup}`;
    else text += `[${stringLiteral(lookup)}]`;
  }
  return text;
}
