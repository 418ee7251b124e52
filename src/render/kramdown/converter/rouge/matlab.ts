/** Rouge 3.30's MATLAB lexer (lexers/matlab.rb: `matlab`, `m`), rule for rule. */
import { MATLAB_BUILTINS } from './matlab-builtins.ts';
import { action, groups, lexer, rule, startOf } from './regex-lexer.ts';
import { SHELL } from './shell.ts';

const KEYWORDS = new Set(
  `arguments break case catch classdef continue else elseif end for
  function global if import methods otherwise parfor persistent
  properties return spmd switch try while`.split(/\s+/),
);

export const MATLAB = lexer({
  root: [
    rule(/[ \t\n\v\f\r]+/, ''),
    rule(/[{]%[\s\S]*?%[}]/, 'cm'),
    rule(/%[^\n]*$/m, 'c1'),
    groups(/([.][.][.])([^\n]*?)$/m, ['k', 'c']),
    action(/^(!)([^\n]*?)(?=%|$)/m, (m, lexer) => {
      lexer.emit('k', m[1]);
      lexer.delegate(SHELL, m[2], startOf(SHELL));
    }),
    action(/[a-zA-Z][_a-zA-Z0-9]*/, (m, lexer) => {
      const name = m[0];
      lexer.emit(KEYWORDS.has(name) ? 'k' : MATLAB_BUILTINS.has(name) ? 'nb' : 'n', name);
    }),
    rule(/[(){};:,/\\\][]/, 'p'),
    rule(/~=|==|<<|>>|[-~+/*%=<>&^|.@]/, 'o'),
    rule(/(\d+\.\d*|\d*\.\d+)(e[+-]?[0-9]+)?/i, 'mf'),
    rule(/\d+e[+-]?[0-9]+/i, 'mf'),
    rule(/\d+L/, 'il'),
    rule(/\d+/, 'mi'),
    rule(/'(?=([^\n]*'))/, 's1', 'chararray'),
    rule(/"(?=([^\n]*"))/, 's2', 'string'),
    rule(/'/, 'o'),
  ],
  chararray: [rule(/[^']+/, 's1'), rule(/''/, 'se'), rule(/'/, 's1', '#pop')],
  string: [rule(/[^"]+/, 's2'), rule(/""/, 'se'), rule(/"/, 's2', '#pop')],
});
