/**
 * Rouge 3.30's C lexer (lexers/c.rb: `c`), rule for rule; a text starts at the beginning of a
 * line (its `start { push :bol }`).
 */
import { action, groups, type LexerState, lexer, mixin, pop, rule, type States } from './regex-lexer.ts';

const KEYWORDS = new Set(
  `auto break case const continue default do else enum extern
  for goto if register restricted return sizeof static struct
  switch typedef union volatile virtual while
  _Alignas _Alignof _Atomic _Generic _Imaginary
  _Noreturn _Static_assert _Thread_local`.split(/\s+/),
);

const KEYWORDS_TYPE = new Set(
  `int long float short double char unsigned signed void
  jmp_buf FILE DIR div_t ldiv_t mbstate_t sig_atomic_t fpos_t
  clock_t time_t va_list size_t ssize_t off_t wchar_t ptrdiff_t
  wctrans_t wint_t wctype_t
  _Bool _Complex int8_t int16_t int32_t int64_t
  uint8_t uint16_t uint32_t uint64_t int_least8_t
  int_least16_t int_least32_t int_least64_t
  uint_least8_t uint_least16_t uint_least32_t
  uint_least64_t int_fast8_t int_fast16_t int_fast32_t
  int_fast64_t uint_fast8_t uint_fast16_t uint_fast32_t
  uint_fast64_t intptr_t uintptr_t intmax_t
  uintmax_t
  char16_t char32_t`.split(/\s+/),
);

const RESERVED = new Set(
  `__asm __int8 __based __except __int16 __stdcall __cdecl
  __fastcall __int32 __declspec __finally __int61 __try __leave
  inline _inline __inline naked _naked __naked restrict _restrict
  __restrict thread _thread __thread typename _typename __typename`.split(/\s+/),
);

const S = '[ \\t\\n\\v\\f\\r]';
const ID = '[a-zA-Z_][a-zA-Z0-9_]*';
// Rouge's `ws`, an inner regexp without /m: its `.` stops at a newline.
const WS = `(?:${S}|\\/\\/[^\\n]*?\\n|\\/[*][^\\n]*?[*]\\/)+`;

/** A C-family language's words (C++ adds to C's). */
export interface CVocabulary {
  keywords: Set<string>;
  types: Set<string>;
  reserved: Set<string>;
}

export const C_WORDS: CVocabulary = { keywords: KEYWORDS, types: KEYWORDS_TYPE, reserved: RESERVED };

const INCLUDE_TOKENS = ['cp', '', 'cpf', 'c1'];

/** C's states for a vocabulary (C++ builds on them). */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: Rouge's C state table, kept whole to read against lexers/c.rb
export function cStates(words: CVocabulary): States {
  const identifier = (m: RegExpExecArray, lexer: LexerState) => {
    const name = m[0];
    if (words.keywords.has(name)) lexer.emit('k', name);
    else if (words.types.has(name)) lexer.emit('kt', name);
    else if (words.reserved.has(name)) lexer.emit('kr', name);
    else lexer.emit('n', name);
  };
  return {
    expr_bol: [
      mixin('inline_whitespace'),
      rule(new RegExp(`#if${S}0`), 'c', 'if_0'),
      rule(/#/, 'cp', 'macro'),
      action(/(?:)/, (_m, lexer) => pop(lexer.stack)),
    ],
    bol: [rule(new RegExp(`${ID}:(?!:)`), 'nl'), mixin('expr_bol')],
    inline_whitespace: [
      rule(/[ \t\r]+/, ''),
      rule(/\\\n/, ''),
      rule(/\/(\\\n)?[*][\s\S]*?[*](\\\n)?\//, 'cm'),
    ],
    whitespace: [
      rule(/\n+/, '', 'bol'),
      rule(/\/\/(\\[^\n]|[^\n])*?$/m, 'c1', 'bol'),
      mixin('inline_whitespace'),
    ],
    expr_whitespace: [rule(/\n+/, '', 'expr_bol'), mixin('whitespace')],
    statements: [
      mixin('whitespace'),
      rule(/(u8|u|U|L)?"/, 's', 'string'),
      rule(/(u8|u|U|L)?'(\\[^\n]|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'/i, 'sc'),
      rule(/(\d+[.]\d*|[.]?\d+)e[+-]?\d+[lu]*/i, 'mf'),
      rule(/\d+e[+-]?\d+[lu]*/i, 'mf'),
      rule(/0x[0-9a-f]+[lu]*/i, 'mh'),
      rule(/0[0-7]+[lu]*/i, 'mo'),
      rule(/\d+[lu]*/i, 'mi'),
      rule(/\*\//, 'err'),
      rule(/[~!%^&*+=|?:<>/-]/, 'o'),
      rule(/[()[\],.;]/, 'p'),
      rule(/\bcase\b/, 'k', 'case'),
      rule(/(?:true|false|NULL)\b/, 'nb'),
      action(new RegExp(ID), identifier),
    ],
    case: [rule(/:/, 'p', '#pop'), mixin('statements')],
    root: [
      mixin('expr_whitespace'),
      action(
        new RegExp(
          `([\\w*${S.slice(1, -1)}]+?[${S.slice(1, -1)}*])(${ID})(${S}*\\([^;]*?\\))((?:${WS})?)(\\{|;)`,
        ),
        (m, lexer) => {
          lexer.recurse(m[1]);
          lexer.emit('nf', m[2]);
          lexer.recurse(m[3]);
          lexer.recurse(m[4]);
          lexer.emit('p', m[5]);
          if (m[5] === '{') lexer.stack.push('function');
        },
      ),
      rule(/\{/, 'p', 'function'),
      mixin('statements'),
    ],
    function: [
      mixin('whitespace'),
      mixin('statements'),
      rule(/;/, 'p'),
      rule(/\{/, 'p', 'function'),
      rule(/\}/, 'p', '#pop'),
    ],
    string: [
      rule(/"/, 's', '#pop'),
      rule(/\\([\\abfnrtv"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})/, 'se'),
      rule(/[^\\"\n]+/, 's'),
      rule(/\\\n/, 's'),
      rule(/\\/, 's'),
    ],
    macro: [
      mixin('include'),
      rule(/[^/\n\\]+/, 'cp'),
      rule(/\\[\s\S]/, 'cp'),
      mixin('inline_whitespace'),
      rule(/\//, 'cp'),
      rule(/\n/, 'cp', '#pop'),
    ],
    include: [
      groups(new RegExp(`(include)(${S}*)(<[^>]+>)([^\\n]*)`), INCLUDE_TOKENS),
      groups(new RegExp(`(include)(${S}*)("[^"]+")([^\\n]*)`), INCLUDE_TOKENS),
    ],
    if_0: [
      rule(new RegExp(`^${S}*#if`), 'c', 'if_0'),
      rule(new RegExp(`^${S}*#${S}*el(?:se|if)`), 'c', '#pop'),
      rule(new RegExp(`^${S}*#${S}*endif\\b[\\s\\S]*?(?<!\\\\)\\n`), 'c', '#pop'),
      rule(/[^\n]*?\n/, 'c'),
    ],
  };
}

/** A C-family text starts at the beginning of a line (Rouge's `start { push :bol }`). */
export const C_START = ['root', 'bol'];

export const C = lexer(cStates(C_WORDS), C_START);
