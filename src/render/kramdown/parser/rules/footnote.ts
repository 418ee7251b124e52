/** kramdown's footnotes (parser/kramdown/footnote.rb): definitions `[^name]: text` and markers `[^name]`. */
import { Element } from '../../element.ts';
import { BOL, DOT, rx, S } from '../ruby.ts';
import type { Rule } from '../rules.ts';
import { CODEBLOCK_MATCH, INDENT } from './codeblock.ts';
import { ALD_ID_NAME, OPT_SPACE } from './extensions.ts';

const INDENTS = rx(INDENT, 'g');

export const footnoteDefinition: Rule = {
  name: 'footnote_definition',
  lineStarts: '[',
  // The definition's first line, then its indented lines as an indented code block would take them.
  start: rx(`${BOL}${OPT_SPACE}\\[\\^(${ALD_ID_NAME})\\]:${S}*?(${DOT}*?\\n${CODEBLOCK_MATCH})`),
  parse(p) {
    const src = p.src;
    const location = src.currentLineNumber();
    const [matched, name, content] = src.last as unknown as [string, string, string];
    src.setPos(src.pos + matched.length);
    const el = new Element('footnote_def', undefined, undefined, { location });
    p.parseBlocks(el, content.replace(INDENTS, ''));
    if (p.footnotes.has(name)) {
      p.warning(`Duplicate footnote name '${name}' on line ${location} - overwriting`);
    }
    const eob = p.newBlockEl('eob', 'footnote_def');
    p.tree.children.push(eob);
    p.footnotes.set(name, { content: el, eob });
    return true;
  },
};

export const footnoteMarker: Rule = {
  name: 'footnote_marker',
  start: rx(`\\[\\^(${ALD_ID_NAME})\\]`),
  spanStart: '\\[',
  startChars: '[',
  parse(p) {
    const src = p.src;
    const location = src.currentLineNumber();
    const [matched, name] = src.last as unknown as [string, string];
    src.setPos(src.pos + matched.length);
    const definition = p.footnotes.get(name);
    if (!definition) {
      p.warning(`Footnote definition for '${name}' not found on line ${location}`);
      p.addText(matched);
      return true;
    }
    if (definition.eob) {
      // The first reference fixes the attributes an IAL after the definition gave it.
      const eob = definition.eob;
      p.updateAttrWithIal(eob.attr, eob.options.ial ?? {});
      definition.attr = eob.attr;
      definition.options = eob.options;
      definition.eob = undefined;
    }
    const marker = new Element('footnote', definition.content, definition.attr, {
      ...definition.options,
      name,
      location,
    });
    definition.markers ??= [];
    definition.markers.push(marker);
    p.tree.children.push(marker);
    return true;
  },
};
