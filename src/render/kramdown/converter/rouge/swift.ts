/** Rouge 3.30's Swift lexer (lexers/swift.rb: `swift`), rule for rule; a text starts at a line's beginning. */
import { action, emitGroups, groups, type LexerState, lexer, mixin, pop, rule } from './regex-lexer.ts';

const KEYWORDS = new Set(
  `await break case continue default do else fallthrough if in for return switch where while try catch throw guard defer repeat
  as dynamicType is new super self Self Type __COLUMN__ __FILE__ __FUNCTION__ __LINE__
  associativity async didSet get infix inout isolated mutating none nonmutating operator override postfix precedence prefix set unowned weak willSet throws rethrows precedencegroup`.split(
    /\s+/,
  ),
);
const DECLARATIONS = new Set(
  `actor class deinit enum convenience extension final func import init internal lazy let nonisolated optional private protocol public required static struct subscript typealias var dynamic indirect associatedtype open fileprivate some`.split(
    /\s+/,
  ),
);
const CONSTANTS = new Set(['true', 'false', 'nil']);

// Ruby's \p{Alpha} is Alphabetic, \p{Alnum} that or a decimal digit; [^\u0000-\uFFFF] an astral character.
const ID_HEAD = '(?:_|(?!\\p{Mc})\\p{Alphabetic}|[^\\u0000-\\uFFFF])';
const ID_REST = '(?:[\\p{Alphabetic}\\p{Nd}_]|[^\\u0000-\\uFFFF])';
const ID = `${ID_HEAD}${ID_REST}*`;
const S = '[ \\t\\n\\v\\f\\r]';
const UPPER_FIRST = /^\p{Uppercase}/u;

function declarationOrError(tokens: string[], allowed: (word: string) => boolean, wordGroup: number) {
  return (m: RegExpExecArray, lexer: LexerState) => {
    if (allowed(m[wordGroup])) lexer.emit('kd', m[0]);
    else emitGroups(lexer, tokens, m);
  };
}

export const SWIFT = lexer(
  {
    bol: [rule(/#[^\n]*/, 'cp'), mixin('inline_whitespace'), action(/(?:)/, (_m, lexer) => pop(lexer.stack))],
    inline_whitespace: [rule(new RegExp(`${S}+`), ''), mixin('has_comments')],
    whitespace: [rule(/\n+/, '', 'bol'), rule(/\/\/[^\n]*?$/m, 'c1', 'bol'), mixin('inline_whitespace')],
    has_comments: [rule(/\/[*]/, 'cm', 'nested_comment')],
    nested_comment: [
      mixin('has_comments'),
      rule(/[*]\//, 'cm', '#pop'),
      rule(/[^*/]+/, 'cm'),
      rule(/[^\n]/, 'cm'),
    ],
    root: [
      mixin('whitespace'),
      rule(/\$(([1-9]\d*)?\d)/, 'nv'),
      rule(/[()[\]{}:;,?\\]/, 'p'),
      rule(/[-/=+*%<>!&|^.~]+/, 'o'),
      rule(/@?"/, 's', 'dq'),
      rule(/'(\\[^\n]|[^\n])'/, 'sc'),
      rule(/(\d+(?:_\d+)*\*|(?:\d+(?:_\d+)*)*\.\d+(?:_\d)*)(e[+-]?\d+(?:_\d)*)?/i, 'mf'),
      rule(/\d+e[+-]?[0-9]+/i, 'mf'),
      rule(/0o?[0-7]+(?:_[0-7]+)*/, 'mo'),
      rule(/0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*((\.[0-9A-F]+(?:_[0-9A-F]+)*)?p[+-]?\d+)?/, 'mh'),
      rule(/0b[01]+(?:_[01]+)*/, 'mb'),
      rule(/[\d]+(?:_\d+)*/, 'mi'),
      rule(new RegExp(`@${ID}`), 'kd'),
      action(
        /(private|internal)(\([ ]*)(\w+)([ ]*\))/,
        declarationOrError(['kd', 'kd', 'err', 'kd'], (word) => word === 'set', 3),
      ),
      action(
        /(unowned\([ ]*)(\w+)([ ]*\))/,
        declarationOrError(['kd', 'err', 'kd'], (word) => word === 'safe' || word === 'unsafe', 2),
      ),
      rule(/#available\([^)]+\)/, 'kd'),
      groups(/(#(?:selector|keyPath)\()([^)]+?(?:[(][^\n]*?[)])?)(\))/, ['kd', 'nf', 'kd']),
      rule(/#(line|file|column|function|dsohandle)/, 'kd'),
      groups(new RegExp(`(let|var)\\b(${S}*)(${ID})`), ['k', '', 'nv']),
      groups(new RegExp(`(let|var)\\b(${S}*)([(])`), ['k', '', 'p'], 'tuple'),
      action(
        new RegExp(
          `(?!\\b(if|while|for|private|internal|unowned|switch|case)\\b)\\b${ID}(?=(\\?|!)?${S}*[(])`,
        ),
        (m, lexer) => lexer.emit(UPPER_FIRST.test(m[0]) ? 'kt' : 'nf', m[0]),
      ),
      rule(new RegExp(`as[?!]?(?=${S})`), 'k'),
      rule(new RegExp(`try[!]?(?=${S})`), 'k'),
      groups(new RegExp(`(#?(?!default)(?!\\p{Uppercase})${ID})(${S}*)(:)`), ['nv', '', 'p']),
      action(new RegExp(ID), (m, lexer) => {
        const word = m[0];
        if (KEYWORDS.has(word)) lexer.emit('k', word);
        else if (DECLARATIONS.has(word)) lexer.emit('kd', word);
        else if (CONSTANTS.has(word)) lexer.emit('kc', word);
        else lexer.emit(UPPER_FIRST.test(word) ? 'kt' : 'n', word);
      }),
      groups(new RegExp(`(\`)(${ID})(\`)`), ['p', 'nv', 'p']),
    ],
    tuple: [
      rule(new RegExp(`(${ID})`), 'nv'),
      groups(new RegExp(`(\`)(${ID})(\`)`), ['p', 'nv', 'p']),
      rule(/,/, 'p'),
      rule(/[(]/, 'p', '#push'),
      rule(/[)]/, 'p', '#pop'),
      mixin('inline_whitespace'),
    ],
    dq: [
      rule(/\\[\\0tnr'"]/, 'se'),
      rule(/\\[(]/, 'se', 'interp'),
      rule(/\\u\{[0-9a-fA-F]{1,8}\}/, 'se'),
      rule(/[^\\"]+/, 's'),
      rule(/"""/, 's', '#pop'),
      rule(/"/, 's', '#pop'),
    ],
    interp: [rule(/[(]/, 'p', 'interp_inner'), rule(/[)]/, 'se', '#pop'), mixin('root')],
    interp_inner: [rule(/[(]/, 'p', '#push'), rule(/[)]/, 'p', '#pop'), mixin('root')],
  },
  ['root', 'bol'],
);
