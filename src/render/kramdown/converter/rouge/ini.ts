/** Rouge 3.30's INI lexer (lexers/ini.rb: `ini`), rule for rule. */
import { groups, lexer, mixin, rule } from './regex-lexer.ts';

export const INI = lexer({
  basic: [rule(/[;#][^\n]*?\n/, 'c'), rule(/[ \t\n\v\f\r]+/, ''), rule(/\\\n/, 'se')],
  root: [
    mixin('basic'),
    groups(/([\w\-.]+)([ \t\n\v\f\r]*)(=)/, ['py', '', 'p'], 'value'),
    rule(/\[[^\n]*?\]/, 'nn'),
  ],
  value: [
    rule(/\n/, '', '#pop'),
    mixin('basic'),
    rule(/"/, 's', 'dq'),
    rule(/'[^\n]*?'/, 's'),
    mixin('esc_str'),
    rule(/[^\\\n]+/, 's'),
  ],
  dq: [rule(/"/, 's', '#pop'), mixin('esc_str'), rule(/[^\\"]+/, 's')],
  esc_str: [rule(/\\[\s\S]/, 'se')],
});
