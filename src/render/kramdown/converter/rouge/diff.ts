/** Rouge 3.30's diff lexer (lexers/diff.rb: `diff`, `patch`, `udiff`), rule for rule. */
import { groups, lexer, rule } from './regex-lexer.ts';

export const DIFF = lexer({
  root: [
    rule(/^ [^\n]*$\n?/m, ''),
    rule(/^---$\n?/m, 'p'),
    rule(/^[+>]+[^\n]*$\n?/m, 'gi'),
    rule(/^\+[^\n]*$\n?/m, 'gi'),
    rule(/^[-<]+[^\n]*$\n?/m, 'gd'),
    rule(/^![^\n]*$\n?/m, 'gs'),
    rule(/^([Ii]ndex|diff)[^\n]*$\n?/m, 'gh'),
    groups(/^(@@[^@]*@@)([^\n]*\n)/, ['p', '']),
    rule(/^\w[^\n]*$\n?/m, 'p'),
    rule(/^=[^\n]*$\n?/m, 'gh'),
    rule(/[ \t\n\v\f\r][^\n]*$\n?/m, ''),
  ],
});
