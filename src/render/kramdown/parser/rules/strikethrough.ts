/**
 * GFM strikethrough (kramdown-parser-gfm's strikethrough_gfm): `~~text~~` becomes a `del`
 * element, its text parsed as spans on their own (an emphasis outside does not reach in).
 */
import { Element } from '../../element.ts';
import { Scanner } from '../../scanner.ts';
import type { Rule } from '../rules.ts';

// Ruby's `\s` is ASCII whitespace only.
const STRIKETHROUGH = /~~(?![ \t\n\v\f\r~])[\s\S]*?[^ \t\n\v\f\r~]~~/u;

export const strikethroughGfm: Rule = {
  name: 'strikethrough_gfm',
  start: STRIKETHROUGH,
  spanStart: '~~',
  startChars: '~',
  parse(p) {
    const line = p.src.currentLineNumber();
    const matched = p.src.scan(STRIKETHROUGH) as string;
    const el = new Element('html_element', 'del', {}, { category: 'span', line });
    p.tree.children.push(el);
    const env = p.saveEnv();
    p.resetEnv({ src: new Scanner(matched.slice(2, -2), line), textType: 'text' });
    p.parseSpans(el);
    p.restoreEnv(env);
    return true;
  },
};
