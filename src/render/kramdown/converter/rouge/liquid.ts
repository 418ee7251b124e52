/** Rouge 3.30's Liquid lexer (lexers/liquid.rb: `liquid`), rule for rule. */
import { action, emitGroups, groups, type LexerState, lexer, mixin, pop, rule } from './regex-lexer.ts';

const S = '[ \\t\\n\\v\\f\\r]';
const NOT_S = '[^ \\t\\n\\v\\f\\r]';

function resetStack(lexer: LexerState): void {
  lexer.stack.length = 1;
}

/** A quoted argument is a string token; a bare one is the given kind. */
function argumentToken(text: string | undefined, bare: string): string {
  if (text !== undefined && /'[^']*'/.test(text)) return 's1';
  if (text !== undefined && /"[^"]*"/.test(text)) return 's2';
  return bare;
}

const closeWith = (tokens: string[]) => (m: RegExpExecArray, lexer: LexerState) => {
  emitGroups(lexer, tokens, m);
  pop(lexer.stack);
};

export const LIQUID = lexer({
  root: [
    rule(/[^{]+/, ''),
    groups(new RegExp(`(\\{%-?)(${S}*)`), ['p', 'w'], 'tag_or_block'),
    groups(new RegExp(`(\\{\\{-?)(${S}*)`), ['p', 'w'], 'output'),
    rule(/\{/, ''),
  ],
  tag_or_block: [
    rule(/(if|elsif|unless|case)\b/, 'kr', 'condition'),
    rule(/(when)\b/, 'kr', 'when'),
    action(new RegExp(`(else)(${S}*)(-?%\\})`), closeWith(['kr', 'w', 'p'])),
    action(
      new RegExp(`(capture|(?:in|de)crement)(${S}+)([^ \\t\\n\\v\\f\\r%]+)(${S}*)(-?%\\})`),
      closeWith(['nt', 'w', 'nv', 'w', 'p']),
    ),
    groups(new RegExp(`(comment)(${S}*)(-?%\\})`), ['nt', 'w', 'p'], 'comment'),
    groups(new RegExp(`(raw)(${S}*)(-?%\\})`), ['nt', 'w', 'p'], 'raw'),
    action(new RegExp(`(end(?:if|unless|case))(${S}*)(-?%\\})`), closeWith(['kr', 'w', 'p'])),
    action(new RegExp(`(end(?:[^ \\t\\n\\v\\f\\r%]+))(${S}*)(-?%\\})`), closeWith(['nt', 'w', 'p'])),
    rule(/(assign|echo)\b/, 'nt', 'assign'),
    rule(/(include|render)\b/, 'nt', 'include'),
    action(new RegExp(`(cycle)(${S}+)(?:([^ \\t\\n\\v\\f\\r:]*)(${S}*)(:))?(${S}*)`), (m, lexer) => {
      emitGroups(lexer, ['nt', 'w', argumentToken(m[3], 'na'), 'w', 'p', 'w'], m);
      lexer.stack.push('variable_tag_markup');
    }),
    action(
      new RegExp(
        `(for|tablerow)(${S}+)([\\w-]+)(${S}+)(in)(${S}+)((?:[^ \\t\\n\\v\\f\\r%,|'"]|(?:"[^"]*"|'[^']*'))+)(${S}*)`,
      ),
      (m, lexer) => {
        emitGroups(lexer, ['nt', 'w', 'nv', 'w', 'nt', 'w'], m);
        lexer.emit(argumentToken(m[7], 'nv'), m[7]);
        lexer.emit('w', m[8]);
        lexer.stack.push('tag_markup');
      },
    ),
    groups(new RegExp(`([^ \\t\\n\\v\\f\\r%]+)(${S}*)`), ['nt', 'w'], 'tag_markup'),
  ],
  output: [
    groups(new RegExp(`(\\|)(${S}*)([a-zA-Z_][^ \\t\\n\\v\\f\\r}|:]*)`), ['p', 'w', 'nf'], 'filters'),
    mixin('end_of_tag'),
    mixin('generic'),
  ],
  filters: [
    groups(new RegExp(`(\\|)(${S}*)([a-zA-Z_][^ \\t\\n\\v\\f\\r%}|:]*)`), ['p', 'w', 'nf']),
    mixin('end_of_tag'),
    mixin('end_of_block'),
    mixin('variable_param_markup'),
  ],
  condition: [
    rule(/([=!]=|[<>]=?)/, 'o'),
    rule(/(and|or|contains)\b/, 'ow'),
    mixin('end_of_block'),
    mixin('generic'),
  ],
  when: [mixin('end_of_block'), mixin('generic')],
  end_of_tag: [
    action(/-?\}\}/, (m, lexer) => {
      lexer.emit('p', m[0]);
      resetStack(lexer);
    }),
  ],
  end_of_block: [
    action(/-?%\}/, (m, lexer) => {
      lexer.emit('p', m[0]);
      resetStack(lexer);
    }),
  ],
  param_markup: [
    mixin('whitespace'),
    mixin('keyword'),
    mixin('string'),
    mixin('number'),
    groups(new RegExp(`([^ \\t\\n\\v\\f\\r=:]+)(${S}*)(=|:)`), ['na', 'w', 'o']),
    rule(/[,:]/, 'p'),
  ],
  default_param_markup: [mixin('param_markup'), rule(new RegExp(`${NOT_S}+`), '')],
  variable_param_markup: [mixin('param_markup'), mixin('variable'), rule(new RegExp(`${NOT_S}+`), '')],
  tag_markup: [rule(/(reversed)\b/, 'na'), mixin('end_of_block'), mixin('default_param_markup')],
  variable_tag_markup: [mixin('end_of_block'), mixin('variable_param_markup')],
  keyword: [rule(/(false|true|nil)\b/, 'kc')],
  variable: [
    rule(/(empty|blank|forloop\.[^ \t\n\v\f\r%}|:]+)\b/, 'nb'),
    rule(/\.(?=\w)|\[|\]/, 'p'),
    rule(/(first|last|size)\b/, 'nf'),
    rule(/[a-zA-Z_][\w-]*\??/, 'nv'),
  ],
  string: [rule(/'[^']*'/, 's1'), rule(/"[^"]*"/, 's2')],
  number: [rule(/-/, 'o'), rule(/\d+\.\d+/, 'mf'), rule(/\d+/, 'mi')],
  generic: [mixin('whitespace'), mixin('keyword'), mixin('string'), mixin('number'), mixin('variable')],
  whitespace: [rule(/[ \t]+/, 'w')],
  comment: [
    rule(/[^{]+/, 'c'),
    action(new RegExp(`(\\{%-?)(${S}*)(endcomment)(${S}*)(-?%\\})`), (m, lexer) => {
      emitGroups(lexer, ['p', 'w', 'nt', 'w', 'p'], m);
      resetStack(lexer);
    }),
    rule(/\{/, 'c'),
  ],
  raw: [
    rule(/[^{]+/, ''),
    action(new RegExp(`(\\{%-?)(${S}*)(endraw)(${S}*)(-?%\\})`), (m, lexer) => {
      emitGroups(lexer, ['p', 'w', 'nt', 'w', 'p'], m);
      resetStack(lexer);
    }),
    rule(/\{/, ''),
  ],
  assign: [
    rule(/=/, 'o'),
    groups(new RegExp(`(\\|)(${S}*)([a-zA-Z_][^ \\t\\n\\v\\f\\r%|:]*)`), ['p', 'w', 'nf'], 'filters'),
    mixin('end_of_block'),
    mixin('generic'),
  ],
  include: [
    groups(new RegExp(`(\\{\\{-?)(${S}*)`), ['p', 'w'], 'output_embed'),
    rule(/(with|for)\b/, 'nt'),
    rule(/[/\w-]+(\.[\w-]+)+\b/, ''),
    mixin('variable_tag_markup'),
  ],
  output_embed: [
    groups(new RegExp(`(\\|)(${S}*)([a-zA-Z_][^ \\t\\n\\v\\f\\r}|:]*)`), ['p', 'w', 'nf']),
    rule(/-?\}\}/, 'p', '#pop'),
    mixin('variable_param_markup'),
  ],
});
