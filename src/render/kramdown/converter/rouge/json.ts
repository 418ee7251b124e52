/** Rouge 3.30's JSON lexer (lexers/json.rb: `json`), rule for rule. */
import { groups, lexer, mixin, rule } from './regex-lexer.ts';

export const JSON_LEXER = lexer({
  whitespace: [rule(/[ \t\n\v\f\r]+/, 'w')],
  root: [
    mixin('whitespace'),
    rule(/\{/, 'p', 'object'),
    rule(/\[/, 'p', 'array'),
    mixin('name'),
    mixin('value'),
    rule(/[\]}]/, 'p'),
  ],
  object: [mixin('whitespace'), mixin('name'), mixin('value'), rule(/\}/, 'p', '#pop'), rule(/,/, 'p')],
  name: [groups(/("(?:\\[^\n]|[^"\\\n])*?")([ \t\n\v\f\r]*)(:)/, ['nl', 'w', 'p'])],
  value: [
    mixin('whitespace'),
    mixin('constants'),
    rule(/"/, 's2', 'string'),
    rule(/\[/, 'p', 'array'),
    rule(/\{/, 'p', 'object'),
  ],
  string: [rule(/[^\\"]+/, 's2'), rule(/\\[^\n]/, 'se'), rule(/"/, 's2', '#pop')],
  array: [mixin('value'), rule(/\]/, 'p', '#pop'), rule(/,/, 'p')],
  constants: [
    rule(/(?:true|false|null)/, 'kc'),
    rule(/-?(?:0|[1-9]\d*)\.\d+(?:e[+-]?\d+)?/i, 'mf'),
    rule(/-?(?:0|[1-9]\d*)(?:e[+-]?\d+)?/i, 'mi'),
  ],
});
