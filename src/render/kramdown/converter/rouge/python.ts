/**
 * Rouge 3.30's Python lexer (lexers/python.rb: `python`, `py`), rule for rule. Ruby's
 * `[[:alpha:]]` is Unicode's Alphabetic, `[[:alnum:]]` that or a decimal digit.
 */
import { action, emitGroups, groups, type LexerState, lexer, pop, rule } from './regex-lexer.ts';

const KEYWORDS = new Set(
  `assert break continue del elif else except exec finally for global if lambda pass print raise
  return try while yield as with from import yield async await nonlocal`.split(/\s+/),
);

const BUILTINS = new Set(
  `__import__ abs all any apply ascii basestring bin bool buffer
  bytearray bytes callable chr classmethod cmp coerce compile
  complex delattr dict dir divmod enumerate eval execfile exit
  file filter float format frozenset getattr globals hasattr hash hex id
  input int intern isinstance issubclass iter len list locals
  long map max memoryview min next object oct open ord pow property range
  raw_input reduce reload repr reversed round set setattr slice
  sorted staticmethod str sum super tuple type unichr unicode
  vars xrange zip`.split(/\s+/),
);

const BUILTINS_PSEUDO = new Set(['self', 'None', 'Ellipsis', 'NotImplemented', 'False', 'True']);

const EXCEPTIONS = new Set(
  `ArithmeticError AssertionError AttributeError
  BaseException BlockingIOError BrokenPipeError BufferError
  BytesWarning ChildProcessError ConnectionAbortedError
  ConnectionError ConnectionRefusedError ConnectionResetError
  DeprecationWarning EOFError EnvironmentError
  Exception FileExistsError FileNotFoundError
  FloatingPointError FutureWarning GeneratorExit IOError
  ImportError ImportWarning IndentationError IndexError
  InterruptedError IsADirectoryError KeyError KeyboardInterrupt
  LookupError MemoryError ModuleNotFoundError NameError
  NotADirectoryError NotImplemented NotImplementedError OSError
  OverflowError OverflowWarning PendingDeprecationWarning
  ProcessLookupError RecursionError ReferenceError ResourceWarning
  RuntimeError RuntimeWarning StandardError StopAsyncIteration
  StopIteration SyntaxError SyntaxWarning SystemError SystemExit
  TabError TimeoutError TypeError UnboundLocalError UnicodeDecodeError
  UnicodeEncodeError UnicodeError UnicodeTranslateError
  UnicodeWarning UserWarning ValueError VMSError Warning
  WindowsError ZeroDivisionError`.split(/\s+/),
);

const IDENTIFIER = '[\\p{Alphabetic}_][\\p{Alphabetic}\\p{Nd}_]*';
const DOTTED_IDENTIFIER = '[\\p{Alphabetic}_.][\\p{Alphabetic}\\p{Nd}_.]*';
const S = '[ \\t\\n\\v\\f\\r]';
const DIGITS = '[0-9](_?[0-9])*';
const DECIMAL = `((${DIGITS})?\\.${DIGITS}|${DIGITS}\\.)`;
const EXPONENT = `e[+-]?${DIGITS}`;

/** The strings open (Rouge's StringRegister): [prefix letters, delimiter], innermost last. */
function strings(lexer: LexerState): Array<[string, string]> {
  lexer.memory.strings ??= [];
  return lexer.memory.strings as Array<[string, string]>;
}

function innermost(lexer: LexerState): [string, string] {
  const open = strings(lexer);
  return open[open.length - 1] ?? ['', ''];
}

export const PYTHON = lexer({
  root: [
    rule(/\n+/, ''),
    groups(new RegExp(`^(:)(${S}*)([ru]{0,2}""".*?""")`, 'msi'), ['p', '', 'sd']),
    rule(/[ \t\r\f\v]+/, ''),
    rule(/#[^\n]*\n?/, 'c1'),
    rule(/[[\]{}:(),;.]/, 'p'),
    rule(/\\\n/, ''),
    rule(/\\/, ''),
    rule(/(in|is|and|or|not)\b/, 'ow'),
    rule(/(<<|>>|\/\/|\*\*)=?/, 'o'),
    rule(/[-~+/*%=<>&^|@]=?|!=/, 'o'),
    groups(new RegExp(`(from)((?:\\\\${S}|${S})+)(${DOTTED_IDENTIFIER})((?:\\\\${S}|${S})+)(import)`), [
      'kn',
      '',
      'nn',
      '',
      'kn',
    ]),
    groups(new RegExp(`(import)(${S}+)(${DOTTED_IDENTIFIER})`), ['kn', '', 'nn']),
    groups(new RegExp(`(def)((?:${S}|\\\\${S})+)`), ['k', ''], 'funcname'),
    groups(new RegExp(`(class)((?:${S}|\\\\${S})+)`), ['k', ''], 'classname'),
    rule(/`[^\n]*?`/, 'sb'),
    action(/([rfbu]{0,2})('''|"""|['"])/i, (m, lexer) => {
      emitGroups(lexer, ['sa', 's'], m);
      strings(lexer).push([m[1].toLowerCase(), m[2]]);
      lexer.stack.push('generic_string');
    }),
    rule(new RegExp(`@${DOTTED_IDENTIFIER}`, 'i'), 'nd'),
    action(new RegExp(`(?<!\\.)${IDENTIFIER}`), (m, lexer) => {
      const name = m[0];
      if (KEYWORDS.has(name)) lexer.emit('k', name);
      else if (EXCEPTIONS.has(name) || BUILTINS.has(name)) lexer.emit('nb', name);
      else if (BUILTINS_PSEUDO.has(name)) lexer.emit('bp', name);
      else lexer.emit('n', name);
    }),
    rule(new RegExp(IDENTIFIER), 'n'),
    rule(new RegExp(`${DECIMAL}(${EXPONENT})?j?`, 'i'), 'mf'),
    rule(new RegExp(`${DIGITS}${EXPONENT}j?`, 'i'), 'mf'),
    rule(new RegExp(`${DIGITS}j`, 'i'), 'mf'),
    rule(/0b(_?[0-1])+/i, 'mb'),
    rule(/0o(_?[0-7])+/i, 'mo'),
    rule(/0x(_?[a-f0-9])+/i, 'mh'),
    rule(/\d+L/, 'il'),
    rule(/([1-9](_?[0-9])*|0(_?0)*)/, 'mi'),
  ],
  funcname: [rule(new RegExp(IDENTIFIER), 'nf', '#pop')],
  classname: [rule(new RegExp(IDENTIFIER), 'nc', '#pop')],
  generic_string: [
    rule(/[^'"\\{]+/, 's'),
    rule(/\{\{/, 's'),
    action(/'''|"""|['"]/, (m, lexer) => {
      lexer.emit('s', m[0]);
      if (innermost(lexer)[1] === m[0]) {
        strings(lexer).pop();
        pop(lexer.stack);
      }
    }),
    rule(/(?=\\)/, 's', 'generic_escape'),
    action(/\{/, (m, lexer) => {
      if (innermost(lexer)[0].includes('f')) {
        lexer.emit('si', m[0]);
        lexer.stack.push('generic_interpol');
      } else lexer.emit('s', m[0]);
    }),
  ],
  generic_escape: [
    action(
      /\\([\\abfnrtv"']|\n|newline|N\{[a-zA-Z][a-zA-Z ]+[a-zA-Z]\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})/,
      (m, lexer) => {
        lexer.emit(innermost(lexer)[0].includes('r') ? 's' : 'se', m[0]);
        pop(lexer.stack);
      },
    ),
    rule(/\\[^\n]/, 's', '#pop'),
  ],
  generic_interpol: [
    action(/[^{}!:]+/, (m, lexer) => lexer.recurse(m[0])),
    rule(/![asr]/, 'si'),
    rule(/:/, 'si'),
    rule(/\{/, 'si', 'generic_interpol'),
    rule(/\}/, 'si', '#pop'),
  ],
});
