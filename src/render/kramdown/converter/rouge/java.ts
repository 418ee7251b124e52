/** Rouge 3.30's Java lexer (lexers/java.rb: `java`), rule for rule. */
import { action, groups, lexer, rule } from './regex-lexer.ts';

const KEYWORDS = `assert break case catch continue default do else finally for
  if goto instanceof new return switch this throw try while`;
const DECLARATIONS = `abstract const enum extends final implements native private protected
  public static strictfp super synchronized throws transient volatile`;
const TYPES = 'boolean byte char double float int long short var void';
const alternatives = (words: string) => words.trim().split(/\s+/).join('|');

const ID = '[\\p{Alphabetic}_][\\p{L}\\p{M}\\p{Nd}\\p{Pc}]*';
const S = '[ \\t\\n\\v\\f\\r]';
const DIGIT = '(?:[0-9]_+[0-9]|[0-9])';
const BIN_DIGIT = '(?:[01]_+[01]|[01])';
const OCT_DIGIT = '(?:[0-7]_+[0-7]|[0-7])';
const HEX_DIGIT = '(?:[0-9a-fA-F]_+[0-9a-fA-F]|[0-9a-fA-F])';

export const JAVA = lexer({
  root: [
    rule(/[ \t\v\f\r]+/, ''),
    rule(/\/\/[^\n]*?$/m, 'c1'),
    rule(/\/\*[\s\S]*?\*\//, 'cm'),
    rule(new RegExp(`(?:${alternatives(KEYWORDS)})\\b`), 'k'),
    action(
      new RegExp(`(${S}*(?:[a-zA-Z_][a-zA-Z0-9_.\\[\\]<>]*${S}+)+?)([a-zA-Z_][a-zA-Z0-9_]*)(${S}*)(\\()`),
      (m, lexer) => {
        lexer.recurse(m[1]);
        lexer.emit('nf', m[2]);
        lexer.emit('', m[3]);
        lexer.emit('o', m[4]);
      },
    ),
    rule(new RegExp(`@${ID}`), 'nd'),
    rule(new RegExp(`(?:${alternatives(DECLARATIONS)})\\b`), 'kd'),
    rule(new RegExp(`(?:${alternatives(TYPES)})\\b`), 'kt'),
    rule(/(?:true|false|null)\b/, 'kc'),
    rule(/(?:class|interface)\b/, 'kd', 'class'),
    rule(/(?:import|package)\b/, 'kn', 'import'),
    rule(/"(\\\\|\\"|[^"])*"/, 's'),
    rule(/'(?:\\[^\n]|[^\\]|\\u[0-9a-f]{4})'/, 'sc'),
    groups(new RegExp(`(\\.)(${ID})`), ['o', 'na']),
    rule(new RegExp(`${ID}:`), 'nl'),
    rule(/\p{Uppercase}[\p{Uppercase}\p{Nd}_]*\b/u, 'no'),
    rule(/\p{Uppercase}[\p{Alphabetic}\p{Nd}]*\b/u, 'nc'),
    rule(new RegExp(`\\$?${ID}`), 'n'),
    rule(/[~^*!%&[\](){}<>|+=:;,./?-]/, 'o'),
    rule(new RegExp(`${DIGIT}+\\.${DIGIT}+([eE]${DIGIT}+)?[fd]?`), 'mf'),
    rule(new RegExp(`0b${BIN_DIGIT}+`, 'i'), 'mb'),
    rule(new RegExp(`0x${HEX_DIGIT}+`, 'i'), 'mh'),
    rule(new RegExp(`0${OCT_DIGIT}+`), 'mo'),
    rule(new RegExp(`${DIGIT}+L?`), 'mi'),
    rule(/\n/, ''),
  ],
  class: [rule(new RegExp(`${S}+`), ''), rule(new RegExp(ID), 'nc', '#pop')],
  import: [rule(new RegExp(`${S}+`), ''), rule(/[a-z0-9_.]+\*?/i, 'nn', '#pop')],
});
