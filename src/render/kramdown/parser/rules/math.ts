/** kramdown's math (parser/kramdown/math.rb): `$$…$$` as a block of its own, or inside text. */
import { Element } from '../../element.ts';
import { BOL, rx, S, strip } from '../ruby.ts';
import type { Rule } from '../rules.ts';
import { afterBlockBoundary, beforeBlockBoundary } from './block-boundary.ts';
import { OPT_SPACE } from './extensions.ts';

const ESCAPED_MATH_START = rx(`${BOL}${OPT_SPACE}\\\\`);

export const blockMath: Rule = {
  name: 'block_math',
  lineStarts: '\\$',
  start: rx(`${BOL}${OPT_SPACE}(\\\\)?\\$\\$([\\s\\S]*?)\\$\\$(${S}*?\\n)?`),
  parse(p) {
    const src = p.src;
    const location = src.currentLineNumber();
    const [matched, escaped, body, lineEnd] = src.last as RegExpExecArray;
    if (!afterBlockBoundary(p)) return false;
    if (escaped !== undefined) {
      // `\$$`: the backslash goes, and the rest is read as a paragraph.
      if (lineEnd !== undefined) src.scan(ESCAPED_MATH_START);
      return false;
    }
    const saved = src.savePos();
    src.setPos(src.pos + matched.length);
    if (!beforeBlockBoundary(p)) {
      src.revertPos(saved);
      return false;
    }
    p.tree.children.push(
      p.newBlockEl('math', strip(body as string), undefined, { category: 'block', location }),
    );
    return true;
  },
};

export const inlineMath: Rule = {
  name: 'inline_math',
  start: /\$\$([\s\S]*?)\$\$/u,
  spanStart: '\\$',
  startChars: '$',
  parse(p) {
    const src = p.src;
    const location = src.currentLineNumber();
    const [matched, body] = src.last as RegExpExecArray;
    src.setPos(src.pos + matched.length);
    p.tree.children.push(
      new Element('math', strip(body as string), undefined, { category: 'span', location }),
    );
    return true;
  },
};
