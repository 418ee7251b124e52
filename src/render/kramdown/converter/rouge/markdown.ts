/**
 * Rouge 3.30's Markdown lexer (lexers/markdown.rb: `markdown`, `md`, `mkd`), rule for rule: front
 * matter goes to the YAML lexer, tags and entities to one HTML lexer, a fenced block's code to the
 * lexer its language names (one not ported stops the spans: NotPorted).
 */
import { HTML } from './html.ts';
import {
  action,
  emitGroups,
  groups,
  type Lexer,
  type LexerProgress,
  type LexerState,
  lexer,
  mixin,
  pop,
  rule,
  startOf,
} from './regex-lexer.ts';
import { YAML } from './yaml.ts';

const S = '[ \\t\\n\\v\\f\\r]';
// Rouge's `edot`, an inner regexp without /m: an escaped character or any other but a newline.
const EDOT = '(?:\\\\[^\\n]|[^\\\\\\n])';

/** Rouge's PlainText lexer given Str::Backtick: what a fence of an unknown language holds. */
const BACKTICK_TEXT = lexer({ root: [rule(/[\s\S]+/, 'sb')] });

function html(lexer: LexerState): LexerProgress {
  lexer.memory.html ??= startOf(HTML);
  return lexer.memory.html as LexerProgress;
}

const toHtml = (m: RegExpExecArray, lexer: LexerState) => lexer.delegate(HTML, m[0], html(lexer));

/** `fenceLexer(name)`: the lexer of a fence's language, undefined for a name Rouge does not know. */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: Rouge's Markdown state table, kept whole to read against lexers/markdown.rb
export function markdownLexer(fenceLexer: (name: string) => Lexer | undefined): Lexer {
  const fence = (m: RegExpExecArray, lexer: LexerState) => {
    const code = fenceLexer(m[3].trim()) ?? BACKTICK_TEXT;
    const progress = startOf(code);
    lexer.emit('', m[1]);
    lexer.emit('p', m[2]);
    lexer.emit('nl', m[3]);
    if (m[5] !== undefined) lexer.delegate(code, m[5], progress);
    lexer.emit('', m[6]);
    if (m[7] !== undefined) {
      lexer.emit('p', m[7]);
      return;
    }
    // No closing fence: the lines go to the same lexer up to one, Rouge's `push do … end`.
    const closing = new RegExp(`^([ \\t]*)(${m[2]})`);
    lexer.stack.push(
      lexer.defineState([
        action(closing, (mb, inner) => {
          pop(inner.stack);
          inner.emit('', mb[1]);
          inner.emit('p', mb[2]);
        }),
        action(/^[^\n]*\n/, (mb, inner) => inner.delegate(code, mb[0], progress)),
      ]),
    );
  };

  return lexer({
    root: [
      action(new RegExp(`(?<![\\s\\S])(---${S}*\\n[\\s\\S]*?\\n?)^(---${S}*$\\n?)`, 'm'), (m, lexer) =>
        lexer.delegate(YAML, m[0], startOf(YAML)),
      ),
      rule(/\\[^\n]/, 'se'),
      rule(/^[^\t\n\v\f\r]+\n(?:---*)\n/, 'gh'),
      rule(/^[^\t\n\v\f\r]+\n(?:===*)\n/, 'gu'),
      rule(/^#(?=[^#])[^\n]*?$/m, 'gh'),
      rule(/^##*[^\n]*?$/m, 'gu'),
      action(/^([ \t]*)(`{3,}|~{3,})([^\n]*\n)(([\s\S]*?)(\n\1)(\2))?/, fence),
      rule(/\n\n(( {4}|\t)[^\n]*?\n|\n)+/, 'sb'),
      rule(new RegExp(`(\`+)(?:${EDOT}|\\n)+?\\1`), 'sb'),
      rule(new RegExp(`^(${S}*[*]){3,}${S}*$`, 'm'), 'p'),
      rule(new RegExp(`^(${S}*[-]){3,}${S}*$`, 'm'), 'p'),
      rule(new RegExp(`^${S}*[*+-](?=${S})`), 'p'),
      rule(new RegExp(`^${S}*\\d+\\.`), 'p'),
      rule(new RegExp(`^${S}*>[^\\n]*?$`, 'm'), 'gt'),
      action(new RegExp(`^(${S}*)(\\[)(${EDOT}+?)(\\])(${S}*)(:)`), (m, lexer) => {
        emitGroups(lexer, ['', 'p', 'ss', 'p', '', 'p'], m);
        lexer.stack.push('title', 'url');
      }),
      groups(new RegExp(`(!?\\[)(${EDOT}*?|[^\\]]*?)(\\])(?=[[(])`), ['p', 'nv', 'p'], 'link'),
      rule(new RegExp(`[*][*]${EDOT}*?[*][*]`), 'gs'),
      rule(new RegExp(`__${EDOT}*?__`), 'gs'),
      rule(new RegExp(`[*]${EDOT}*?[*]`), 'ge'),
      rule(new RegExp(`_${EDOT}*?_`), 'ge'),
      rule(/<[^\n]*?@[^\n]+[.][^\n]+>/, 'nv'),
      rule(new RegExp(`<(https?|mailto|ftp)://${EDOT}*?>`), 'nv'),
      rule(/[^\\`[*\n&<]+/, ''),
      action(/&[^ \t\n\v\f\r]*;/, toHtml),
      action(new RegExp(`<${EDOT}*?>`), toHtml),
      rule(/[&<]/, ''),
      rule(/\[/, ''),
      rule(/\n/, ''),
    ],
    link: [
      action(new RegExp(`(\\[)(${EDOT}*?)(\\])`), (m, lexer) => {
        emitGroups(lexer, ['p', 'ss', 'p'], m);
        pop(lexer.stack);
      }),
      action(/[(]/, (m, lexer) => {
        lexer.emit('p', m[0]);
        lexer.stack.push('inline_title', 'inline_url');
      }),
      rule(/[ \t]+/, ''),
      action(/(?:)/, (_m, lexer) => pop(lexer.stack)),
    ],
    url: [
      rule(/[ \t]+/, ''),
      action(new RegExp(`(<)(${EDOT}*?)(>)`), (m, lexer) => {
        emitGroups(lexer, ['nt', 'sx', 'nt'], m);
        pop(lexer.stack);
      }),
      rule(/[^ \t\n\v\f\r]+/, 'sx', '#pop'),
    ],
    title: [
      rule(new RegExp(`"${EDOT}*?"`), 'nn'),
      rule(new RegExp(`'${EDOT}*?'`), 'nn'),
      rule(new RegExp(`[(]${EDOT}*?[)]`), 'nn'),
      rule(new RegExp(`${S}*(?=["'()])`), ''),
      action(/(?:)/, (_m, lexer) => pop(lexer.stack)),
    ],
    inline_title: [rule(/[)]/, 'p', '#pop'), mixin('title')],
    inline_url: [rule(/[^< \t\n\v\f\r)]+/, 'sx', '#pop'), rule(new RegExp(`${S}+`), ''), mixin('url')],
  });
}
