/** kramdown's horizontal rule (parser/kramdown/horizontal_rule.rb): three or more `*`, `-` or `_`. */
import { BOL, rx } from '../ruby.ts';
import type { Rule } from '../rules.ts';
import { OPT_SPACE } from './extensions.ts';

export const HR_START = rx(`${BOL}${OPT_SPACE}(\\*|-|_)[ \\t]*\\1[ \\t]*\\1(\\1|[ \\t])*\\n`);

export const horizontalRule: Rule = {
  name: 'horizontal_rule',
  lineStarts: '*-_',
  start: HR_START,
  parse(p) {
    const location = p.src.currentLineNumber();
    p.src.setPos(p.src.pos + p.src.matched.length);
    p.tree.children.push(p.newBlockEl('hr', undefined, undefined, { location }));
    return true;
  },
};
