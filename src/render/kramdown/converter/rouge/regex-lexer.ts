/**
 * Rouge's RegexLexer: states of rules tried in order at the scan position, each a regexp with a
 * token (or one token per group) and a move on the state stack; what no rule takes is an error
 * token of one character. Adjacent tokens of one kind are joined, as Rouge's `lex` joins them.
 * Tokens are Rouge's CSS short names (`k`, `s2`…; '' for plain text).
 */
import { escapeCode } from '../../../escape-code.ts';

export interface LexerState {
  /** The state stack; the last is the current state. */
  stack: string[];
  /** Per-lexer memory (a heredoc's end word, the strings open…). */
  memory: Record<string, unknown>;
  emit(token: string, text: string | undefined): void;
  /** Rouge's `recurse`: `text` lexed on its own by a new lexer of this language, its tokens emitted here. */
  recurse(text: string): void;
  /** Rouge's `delegate` to a lexer kept between calls (`progress` holds where it stopped). */
  delegate(language: Lexer, text: string, progress: LexerProgress): void;
  /** Rouge's `push do … end`: a state made while lexing; its name, to push. */
  defineState(rules: StateRules): string;
}

/** Thrown when a text needs a lexer not ported yet: the code is then written without token spans. */
export class NotPorted extends Error {}

/** Where a lexer is: its stack and memory (Rouge's lexer instance, reset by `reset!`). */
export interface LexerProgress {
  stack: string[];
  memory: Record<string, unknown>;
}

export function startOf(language: Lexer): LexerProgress {
  return { stack: [...language.start], memory: {} };
}

/** A state to push, or Rouge's :pop! and :push (the current state again). */
export type Move = string | '#pop' | '#push';

export interface RegexRule {
  /** The regexp as the lexer writes it, with Ruby's meaning of `\\b`. */
  pattern: RegExp;
  /**
   * Its sticky (`y`) form, matched against the text from the scan position on, as Ruby's
   * StringScanner does; made when the rule is first tried (see stickyOf).
   */
  sticky: RegExp | undefined;
  /** A regexp starting with `^` is tried only at the start of a line (Rouge's beginning_of_line). */
  lineStart: boolean;
  token?: string;
  groups?: string[];
  next?: Move;
  /** Rouge's rule block: emits and moves itself. */
  action?(match: RegExpExecArray, lexer: LexerState): void;
}

export type StateRules = Array<RegexRule | { mixin: string }>;

export type States = Record<string, StateRules>;

/** A language: its states, and the stack a text starts with (Rouge's `start` blocks push onto it). */
export interface Lexer {
  states: States;
  start: string[];
}

export function lexer(states: States, start: string[] = ['root']): Lexer {
  return { states, start };
}

const MAX_NULL_SCANS = 5;

/** A rule of Rouge's DSL: `rule(re, token, next)`; the regexp is made sticky (and keeps its flags). */
export function rule(re: RegExp, token: string, next?: Move): RegexRule {
  return { pattern: re, sticky: undefined, lineStart: re.source.startsWith('^'), token, next };
}

export function groups(re: RegExp, tokens: string[], next?: Move): RegexRule {
  return { pattern: re, sticky: undefined, lineStart: re.source.startsWith('^'), groups: tokens, next };
}

export function action(re: RegExp, run: RegexRule['action']): RegexRule {
  return { pattern: re, sticky: undefined, lineStart: re.source.startsWith('^'), action: run };
}

export function mixin(state: string): { mixin: string } {
  return { mixin: state };
}

const WORD = '[\\p{L}\\p{M}\\p{Nd}\\p{Pc}]';
/** Ruby's `\b` on UTF-8 text: a boundary of Unicode word characters (`é` is one, `½` is not). */
const WORD_BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

/**
 * A rule's regexp as the lexer runs it. Made on first use, not with the rule: the Unicode
 * classes that Ruby's `\b` becomes make each costly to compile, and a build loads every ported
 * lexer while its pages use a few (compiling them all at start-up was a tenth of the work of a
 * cold 1,000-post build).
 */
function stickyOf(rule: RegexRule): RegExp {
  rule.sticky ??= sticky(rule.pattern);
  return rule.sticky;
}

function sticky(re: RegExp): RegExp {
  const source = re.source.replace(
    /(?<!\\)((?:\\\\)*)\\b/g,
    (_m, slashes: string) => slashes + WORD_BOUNDARY,
  );
  return new RegExp(source, `${re.flags.replace(/[uy]/g, '')}uy`);
}

/** Rouge's goto: the current state replaced. */
export function goto(lexer: LexerState, state: string): void {
  lexer.stack[lexer.stack.length - 1] = state;
}

/** Rouge's `groups`: one token per group of the match (an empty or missing group gives none). */
export function emitGroups(lexer: LexerState, tokens: string[], match: RegExpExecArray): void {
  for (const [i, token] of tokens.entries()) lexer.emit(token, match[i + 1]);
}

/** Rouge's pop!: the stack keeps its root (Rouge would fail on an empty stack). */
export function pop(stack: string[], times = 1): void {
  for (let i = 0; i < times && stack.length > 1; i++) stack.pop();
}

/** The code as Rouge's HTML formatter writes it: token spans around escaped text. */
export function highlightTokens(language: Lexer, text: string): string {
  let html = '';
  for (const [token, value] of lex(language, text)) {
    const escaped = escapeCode(value);
    html += token === '' ? escaped : `<span class="${token}">${escaped}</span>`;
  }
  return html;
}

/** The tokens of `text`, from `progress` on (a fresh lexer's start by default), joined by kind. */
export function lex(language: Lexer, text: string, progress = startOf(language)): Array<[string, string]> {
  const tokens: Array<[string, string]> = [];
  const lexer: LexerState = {
    stack: progress.stack,
    memory: progress.memory,
    emit(token, value) {
      if (!value) return;
      const last = tokens[tokens.length - 1];
      if (last && last[0] === token) last[1] += value;
      else tokens.push([token, value]);
    },
    recurse(part) {
      for (const [token, value] of lex(language, part)) this.emit(token, value);
    },
    delegate(other, part, otherProgress) {
      for (const [token, value] of lex(other, part, otherProgress)) this.emit(token, value);
    },
    defineState(rules) {
      progress.memory.states ??= {};
      const made = progress.memory.states as States;
      const name = `#made-${Object.keys(made).length}`;
      made[name] = rules;
      return name;
    },
  };
  let pos = 0;
  let nullSteps = 0;

  const step = (state: string): boolean => {
    const rules = language.states[state] ?? (progress.memory.states as States | undefined)?.[state] ?? [];
    for (const entry of rules) {
      if ('mixin' in entry) {
        if (step(entry.mixin)) return true;
        continue;
      }
      if (entry.lineStart && pos > 0 && text[pos - 1] !== '\n') continue;
      // The rest of the text, as StringScanner matches it: no look-behind reaches before the
      // position, `^` and `\b` see its start (V8 slices without copying).
      const re = stickyOf(entry);
      re.lastIndex = 0;
      const match = re.exec(pos === 0 ? text : text.slice(pos));
      if (!match) continue;
      pos += match[0].length;
      if (entry.action) entry.action(match, lexer);
      else if (entry.groups) emitGroups(lexer, entry.groups, match);
      else lexer.emit(entry.token ?? '', match[0]);
      if (entry.next === '#pop') pop(lexer.stack);
      else if (entry.next === '#push') lexer.stack.push(lexer.stack[lexer.stack.length - 1]);
      else if (entry.next) lexer.stack.push(entry.next);
      if (match[0].length === 0) {
        if (++nullSteps > MAX_NULL_SCANS) return false;
      } else nullSteps = 0;
      return true;
    }
    return false;
  };

  while (pos < text.length) {
    if (!step(lexer.stack[lexer.stack.length - 1])) {
      const char = String.fromCodePoint(text.codePointAt(pos) as number);
      lexer.emit('err', char);
      pos += char.length;
    }
  }
  return tokens;
}
