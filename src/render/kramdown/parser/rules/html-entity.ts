/**
 * Character references (kramdown's html_entity): `&name;`, `&#NNN;` and `&#xHHH;` become entity
 * elements; a name kramdown's table lacks becomes `&amp;` and the rest as text.
 */
import { Element } from '../../element.ts';
import { entity } from '../../entities.ts';
import type { Rule } from '../rules.ts';

/** kramdown's HTML_ENTITY_RE (Parser::Html::Constants). */
export const HTML_ENTITY = /&([\w:][-\w.:]*);|&#(\d+);|&#x([0-9a-fA-F]+);/u;

export const htmlEntity: Rule = {
  name: 'html_entity',
  start: HTML_ENTITY,
  spanStart: '&',
  startChars: '&',
  parse(p) {
    const location = p.src.currentLineNumber();
    const original = p.src.scan(HTML_ENTITY) as string;
    const [, name, decimal, hex] = p.src.last as RegExpExecArray;
    const value = entity(
      name ?? (decimal !== undefined ? Number(decimal) : Number.parseInt(hex as string, 16)),
    );
    if (value) {
      p.tree.children.push(new Element('entity', value, undefined, { original, location }));
    } else {
      p.tree.children.push(new Element('entity', entity('amp'), undefined, { location }));
      p.addText(original.slice(1));
    }
    return true;
  },
};
