/**
 * Rouge 3.30's HTML lexer (lexers/html.rb: `html`), rule for rule: what `<script>` and `<style>`
 * hold goes to one JavaScript and one CSS lexer, each going on where it stopped.
 */
import { CSS } from './css.ts';
import { JAVASCRIPT } from './javascript.ts';
import { action, goto, type LexerProgress, type LexerState, lexer, rule, startOf } from './regex-lexer.ts';

const NAME = '[\\p{L}:_-][\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\p{Cf}:.·-]*';
const WORD = '\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\p{Cf}';
const S = '[ \\t\\n\\v\\f\\r]';

/** The embedded lexers' progress, new for each text (Rouge's `start` makes them). */
function embedded(lexer: LexerState, name: 'javascript' | 'css'): LexerProgress {
  lexer.memory[name] ??= startOf(name === 'css' ? CSS : JAVASCRIPT);
  return lexer.memory[name] as LexerProgress;
}

function opening(name: 'javascript' | 'css', content: string) {
  return (m: RegExpExecArray, lexer: LexerState) => {
    lexer.emit('nt', m[0]);
    lexer.memory[name] = startOf(name === 'css' ? CSS : JAVASCRIPT);
    lexer.stack.push(content, 'tag');
  };
}

function handOver(name: 'javascript' | 'css') {
  return (m: RegExpExecArray, lexer: LexerState) =>
    lexer.delegate(name === 'css' ? CSS : JAVASCRIPT, m[0], embedded(lexer, name));
}

export const HTML = lexer({
  root: [
    rule(/[^<&]+/, ''),
    rule(/&[^ \t\n\v\f\r]*?;/, 'ni'),
    rule(/<!DOCTYPE [\s\S]*?>/i, 'cp'),
    rule(/<!\[CDATA\[[\s\S]*?\]\]>/, 'cp'),
    rule(/<!--/, 'c', 'comment'),
    rule(/<\?[\s\S]*?\?>/, 'cp'),
    action(new RegExp(`<${S}*script${S}*`), opening('javascript', 'script_content')),
    action(new RegExp(`<${S}*style${S}*`), opening('css', 'style_content')),
    rule(/<\//, 'nt', 'tag_end'),
    // Rouge's rules for whole opening and closing tags come after this one, which takes them all.
    rule(/</, 'nt', 'tag_start'),
  ],
  tag_end: [
    { mixin: 'tag_end_end' },
    action(new RegExp(NAME), (m, lexer) => {
      lexer.emit('nt', m[0]);
      goto(lexer, 'tag_end_end');
    }),
  ],
  tag_end_end: [rule(new RegExp(`${S}+`), ''), rule(/>/, 'nt', '#pop')],
  tag_start: [
    rule(new RegExp(`${S}+`), ''),
    action(new RegExp(NAME), (m, lexer) => {
      lexer.emit('nt', m[0]);
      goto(lexer, 'tag');
    }),
    action(/(?:)/, (_m, lexer) => goto(lexer, 'tag')),
  ],
  comment: [rule(/[^-]+/, 'c'), rule(/-->/, 'c', '#pop'), rule(/-/, 'c')],
  tag: [
    rule(new RegExp(`${S}+`), ''),
    rule(new RegExp(`[\\p{L}:_\\[\\]()*.-][${WORD}:.·\\[\\]()*-]*${S}*=${S}*`), 'na', 'attr'),
    rule(new RegExp(`[\\p{L}:_*#-][${WORD}:.·*#-]*`), 'na'),
    rule(new RegExp(`\\/?${S}*>`), 'nt', '#pop'),
  ],
  attr: [
    action(/"/, (m, lexer) => {
      lexer.emit('s', m[0]);
      goto(lexer, 'dq');
    }),
    action(/'/, (m, lexer) => {
      lexer.emit('s', m[0]);
      goto(lexer, 'sq');
    }),
    rule(/[^ \t\n\v\f\r>]+/, 's', '#pop'),
  ],
  dq: [rule(/"/, 's', '#pop'), rule(/[^"]+/, 's')],
  sq: [rule(/'/, 's', '#pop'), rule(/[^']+/, 's')],
  script_content: [
    action(/[^<]+/, handOver('javascript')),
    rule(new RegExp(`<${S}*\\/${S}*script${S}*>`), 'nt', '#pop'),
    action(/</, handOver('javascript')),
  ],
  style_content: [
    action(/[^<]+/, handOver('css')),
    rule(new RegExp(`<${S}*\\/${S}*style${S}*>`), 'nt', '#pop'),
    action(/</, handOver('css')),
  ],
});
