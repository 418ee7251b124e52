/**
 * Automatic links (kramdown's autolink): `<http://…>`, `<https://…>`, `<ftp://…>`, `<mailto:…>`
 * and `<name@host>`, which links to `mailto:name@host`.
 */
import { Element } from '../../element.ts';
import { ALNUM } from '../ruby.ts';
import type { Rule } from '../rules.ts';

const ACHARS = `[${ALNUM}\\-_.]`;
const AUTOLINK_START = new RegExp(`<((mailto|https?|ftps?):.+?|${ACHARS}+?@${ACHARS}+?)>`, 'u');

export const autolink: Rule = {
  name: 'autolink',
  start: AUTOLINK_START,
  spanStart: '<',
  startChars: '<',
  parse(p) {
    const location = p.src.currentLineNumber();
    p.src.scan(AUTOLINK_START);
    const address = p.src.group(1) as string;
    const href = p.src.group(2) === undefined ? `mailto:${address}` : address;
    const el = new Element('a', undefined, { href }, { location });
    p.addText(address.replace(/^mailto:/, ''), el);
    p.tree.children.push(el);
    return true;
  },
};
