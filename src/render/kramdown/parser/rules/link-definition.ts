/** kramdown's link definitions `[id]: url "title"` (parser/kramdown/link.rb, parse_link_definition). */

import { BOL, rx } from '../ruby.ts';
import type { Rule } from '../rules.ts';
import { normalizeLinkId } from '../shared.ts';
import { OPT_SPACE } from './extensions.ts';

const LINK_DEFINITION_START = rx(
  `${BOL}${OPT_SPACE}\\[([^\\n\\]]+)\\]:[ \\t]*(?:<([^\\n]*?)>|([^\\n]*?[^ \\t\\n\\v\\f\\r][^\\n]*?))(?:(?:[ \\t]*?\\n|[ \\t]+?)[ \\t]*?(["'])([^\\n]+?)\\4)?[ \\t]*?\\n`,
);
/** A url followed by a quoted title that the regexp did not take: not a definition. */
const URL_WITH_TITLE = /[ \t]+["']/;

export const linkDefinition: Rule = {
  name: 'link_definition',
  lineStarts: '[',
  start: LINK_DEFINITION_START,
  parse(p) {
    const src = p.src;
    const [matched, id, angleUrl, url, , title] = src.last as RegExpExecArray;
    if (url !== undefined && URL_WITH_TITLE.test(url)) return false;
    src.setPos(src.pos + matched.length);
    const linkId = normalizeLinkId(id as string);
    if (p.linkDefs.has(linkId)) {
      p.warning(`Duplicate link ID '${linkId}' on line ${src.currentLineNumber()} - overwriting`);
    }
    const eob = p.newBlockEl('eob', 'link_def');
    p.tree.children.push(eob);
    p.linkDefs.set(linkId, [(angleUrl ?? url) as string, title, eob]);
    return true;
  },
};
