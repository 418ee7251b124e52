/**
 * Rouge 3.30's JavaScript lexer (lexers/javascript.rb: `javascript`, `js`) and TypeScript's, which
 * is JavaScript's with more words and two rules first (lexers/typescript.rb, typescript/common.rb).
 * Rule for rule; Ruby's `\p{Word}` is a letter, mark, decimal digit or connector.
 */
import {
  action,
  emitGroups,
  goto,
  groups,
  type LexerState,
  lexer,
  mixin,
  pop,
  rule,
  type States,
} from './regex-lexer.ts';

const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');

interface Vocabulary {
  keywords: Set<string>;
  declarations: Set<string>;
  reserved: Set<string>;
  constants: Set<string>;
  builtins: Set<string>;
}

const JAVASCRIPT_WORDS: Vocabulary = {
  keywords: new Set(
    words(`as async await break case catch continue debugger default delete
    do else export finally from for if import in instanceof new of
    return super switch this throw try typeof void while yield`),
  ),
  declarations: new Set(words('var let const with function class extends constructor get set static')),
  reserved: new Set(words('enum implements interface package private protected public')),
  constants: new Set(words('true false null NaN Infinity undefined')),
  builtins: new Set(
    words(`Array Boolean Date Error Function Math netscape
    Number Object Packages RegExp String sun decodeURI
    decodeURIComponent encodeURI encodeURIComponent
    Error eval isFinite isNaN parseFloat parseInt
    document window navigator self global
    Promise Set Map WeakSet WeakMap Symbol Proxy Reflect
    Int8Array Uint8Array Uint8ClampedArray
    Int16Array Uint16Array Uint16ClampedArray
    Int32Array Uint32Array Uint32ClampedArray
    Float32Array Float64Array DataView ArrayBuffer`),
  ),
};

const TYPESCRIPT_WORDS: Vocabulary = {
  keywords: new Set([
    ...JAVASCRIPT_WORDS.keywords,
    ...words('is namespace static private protected public implements readonly'),
  ]),
  declarations: new Set([...JAVASCRIPT_WORDS.declarations, 'type', 'abstract']),
  reserved: new Set([
    ...JAVASCRIPT_WORDS.reserved,
    ...words('string any void number namespace module declare default interface keyof'),
  ]),
  constants: JAVASCRIPT_WORDS.constants,
  builtins: new Set([...JAVASCRIPT_WORDS.builtins, 'Pick', 'Partial', 'Readonly', 'Record']),
};

const ID = '[\\p{L}\\p{Nl}$_][\\p{L}\\p{M}\\p{Nd}\\p{Pc}]*';
const S = '[ \\t\\n\\v\\f\\r]';

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: Rouge's JavaScript state table, kept whole to read against lexers/javascript.rb
function states(vocabulary: Vocabulary): States {
  const identifier = (m: RegExpExecArray, lexer: LexerState) => {
    const name = m[0];
    if (vocabulary.keywords.has(name)) {
      lexer.emit('k', name);
      lexer.stack.push('expr_start');
    } else if (vocabulary.declarations.has(name)) {
      lexer.emit('kd', name);
      lexer.stack.push('expr_start');
    } else if (vocabulary.reserved.has(name)) lexer.emit('kr', name);
    else if (vocabulary.constants.has(name)) lexer.emit('kc', name);
    else if (vocabulary.builtins.has(name)) lexer.emit('nb', name);
    else lexer.emit('nx', name);
  };
  return {
    multiline_comment: [rule(/[*]\//, 'cm', '#pop'), rule(/[^*/]+/, 'cm'), rule(/[*/]/, 'cm')],
    comments_and_whitespace: [
      rule(new RegExp(`${S}+`), ''),
      rule(/<!--/, 'c'),
      rule(/\/\/[^\n]*?$/m, 'c1'),
      rule(/\/[*]/, 'cm', 'multiline_comment'),
    ],
    expr_start: [
      mixin('comments_and_whitespace'),
      action(/\//, (m, lexer) => {
        lexer.emit('sr', m[0]);
        goto(lexer, 'regex');
      }),
      action(/[{]/, (m, lexer) => {
        lexer.emit('p', m[0]);
        goto(lexer, 'object');
      }),
      rule(/(?:)/, '', '#pop'),
    ],
    regex: [
      action(/\//, (m, lexer) => {
        lexer.emit('sr', m[0]);
        goto(lexer, 'regex_end');
      }),
      rule(/[^/]\n/, 'err', '#pop'),
      rule(/\n/, 'err', '#pop'),
      rule(/\[\^/, 'se', 'regex_group'),
      rule(/\[/, 'se', 'regex_group'),
      rule(/\\[^\n]/, 'se'),
      rule(/[(][?][:=<!]/, 'se'),
      rule(/[{][\d,]+[}]/, 'se'),
      rule(/[()?]/, 'se'),
      rule(/[^\n]/, 'sr'),
    ],
    regex_end: [rule(/[gimuy]+/, 'sr', '#pop'), action(/(?:)/, (_m, lexer) => pop(lexer.stack))],
    regex_group: [
      rule(/\//, 'se'),
      action(/[^/]\n/, (m, lexer) => {
        lexer.emit('err', m[0]);
        pop(lexer.stack, 2);
      }),
      rule(/\]/, 'se', '#pop'),
      rule(/\\[^\n]/, 'se'),
      rule(/[^\n]/, 'sr'),
    ],
    root: [
      // \A is the scan position, as StringScanner matches; (?<=\n) never sees back there.
      rule(new RegExp(`(?<![\\s\\S])${S}*#![\\s\\S]*?\\n`), 'cp', 'statement'),
      mixin('comments_and_whitespace'),
      rule(/\+\+|--|~|\?\?=?|&&|\|\||\\(?=\n)|<<|>>>?|===|!==/, 'o', 'expr_start'),
      rule(/[-<>+*%&|^/!=]=?/, 'o', 'expr_start'),
      rule(/[([,]/, 'p', 'expr_start'),
      rule(/;/, 'p', 'statement'),
      rule(/[)\].]/, 'p'),
      rule(/`/, 's2', 'template_string'),
      rule(/[?][.]/, 'p'),
      action(/[?]/, (m, lexer) => {
        lexer.emit('p', m[0]);
        lexer.stack.push('ternary', 'expr_start');
      }),
      groups(/(@)(\w+)?/, ['p', 'nd'], 'expr_start'),
      rule(/[{}]/, 'p', 'statement'),
      action(new RegExp(ID, 'i'), identifier),
      rule(/[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?/, 'mf'),
      rule(/0x[0-9a-fA-F]+/i, 'mh'),
      rule(/0o[0-7][0-7_]*/i, 'mo'),
      rule(/0b[01][01_]*/i, 'mb'),
      rule(/[0-9]+/, 'mi'),
      rule(/"/, 'dl', 'dq'),
      rule(/'/, 'dl', 'sq'),
      rule(/:/, 'p'),
    ],
    dq: [rule(/\\[\\nrt"]?/, 'se'), rule(/[^\\"]+/, 's2'), rule(/"/, 'dl', '#pop')],
    sq: [rule(/\\[\\nrt']?/, 'se'), rule(/[^\\']+/, 's1'), rule(/'/, 'dl', '#pop')],
    statement: [
      action(/case\b/, (m, lexer) => {
        lexer.emit('k', m[0]);
        goto(lexer, 'expr_start');
      }),
      groups(new RegExp(`(${ID})(${S}*)(:)`, 'i'), ['nl', '', 'p']),
      mixin('expr_start'),
    ],
    object: [
      mixin('comments_and_whitespace'),
      rule(/[{]/, 'p', '#push'),
      action(/[}]/, (m, lexer) => {
        lexer.emit('p', m[0]);
        goto(lexer, 'statement');
      }),
      groups(new RegExp(`(${ID})(${S}*)(:)`, 'i'), ['na', '', 'p'], 'expr_start'),
      rule(/:/, 'p'),
      mixin('root'),
    ],
    ternary: [
      action(/:/, (m, lexer) => {
        lexer.emit('p', m[0]);
        goto(lexer, 'expr_start');
      }),
      mixin('root'),
    ],
    template_string: [
      rule(/[$]\{/, 'p', 'template_string_expr'),
      rule(/`/, 's2', '#pop'),
      rule(/\\[$`]/, 'se'),
      rule(/[^$`\\]+/, 's2'),
      rule(/[\\$]/, 's2'),
    ],
    template_string_expr: [rule(/\}/, 'p', '#pop'), mixin('root')],
  };
}

export const JAVASCRIPT = lexer(states(JAVASCRIPT_WORDS));

const typescriptStates = states(TYPESCRIPT_WORDS);
// TypescriptCommon's prepended rules.
typescriptStates.root.unshift(rule(/[?][.]/, 'p'), rule(/[?]{2}/, 'o'));
typescriptStates.statement.unshift(
  action(new RegExp(`(${ID})(\\??)(${S}*)(:)`, 'i'), (m, lexer) => {
    emitGroups(lexer, ['nl', 'p', '', 'p'], m);
    lexer.stack.push('expr_start');
  }),
);

export const TYPESCRIPT = lexer(typescriptStates);
