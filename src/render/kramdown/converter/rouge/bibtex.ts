/** Rouge 3.30's BibTeX lexer (lexers/bibtex.rb: `bibtex`, `bib`), rule for rule. */
import { action, lexer, mixin, pop, rule } from './regex-lexer.ts';

const PUNCTUATION = '@!$&.\\\\:;<>?\\[\\]^`|~*/+\\-';
const VALID_NAME = `[a-z_${PUNCTUATION}][\\w${PUNCTUATION}]*`;

export const BIBTEX = lexer({
  root: [
    mixin('whitespace'),
    action(new RegExp(`@(${VALID_NAME})`, 'i'), (m, lexer) => {
      const kind = m[1].toLowerCase();
      if (kind === 'comment') {
        lexer.emit('c', m[0]);
        return;
      }
      lexer.emit('nc', m[0]);
      const body = kind === 'preamble' ? 'value' : kind === 'string' ? 'field' : 'command_body';
      lexer.stack.push('closing_brace', body, 'opening_brace');
    }),
    rule(/[^\n]+/, 'c'),
  ],
  opening_brace: [mixin('whitespace'), rule(/[{(]/, 'p', '#pop')],
  closing_brace: [mixin('whitespace'), rule(/[})]/, 'p', '#pop')],
  command_body: [
    mixin('whitespace'),
    action(/[^ \t\n\v\f\r,}]+/, (m, lexer) => {
      lexer.emit('nl', m[0]);
      pop(lexer.stack);
      lexer.stack.push('fields');
    }),
  ],
  fields: [mixin('whitespace'), rule(/,/, 'p', 'field'), action(/(?:)/, (_m, lexer) => pop(lexer.stack))],
  field: [
    mixin('whitespace'),
    action(new RegExp(VALID_NAME, 'i'), (m, lexer) => {
      lexer.emit('na', m[0]);
      lexer.stack.push('value', 'equal_sign');
    }),
    action(/(?:)/, (_m, lexer) => pop(lexer.stack)),
  ],
  equal_sign: [mixin('whitespace'), rule(/=/, 'p', '#pop')],
  value: [
    mixin('whitespace'),
    rule(new RegExp(VALID_NAME, 'i'), 'nv'),
    rule(/"/, 's', 'quoted_string'),
    rule(/\{/, 's', 'braced_string'),
    rule(/\d+/, 'm'),
    rule(/#/, 'p'),
    action(/(?:)/, (_m, lexer) => pop(lexer.stack)),
  ],
  quoted_string: [rule(/\{/, 's', 'braced_string'), rule(/"/, 's', '#pop'), rule(/[^{"]+/, 's')],
  braced_string: [rule(/\{/, 's', 'braced_string'), rule(/\}/, 's', '#pop'), rule(/[^{}]+/, 's')],
  whitespace: [rule(/[ \t\n\v\f\r]+/, '')],
});
