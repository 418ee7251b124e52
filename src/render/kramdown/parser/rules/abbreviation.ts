/**
 * kramdown's abbreviations (parser/kramdown/abbreviation.rb): definitions `*[HTML]: text`, and,
 * once the whole document is parsed, every occurrence of a defined abbreviation in text made an
 * `abbreviation` element.
 */
import { Element } from '../../element.ts';
import { Scanner } from '../../scanner.ts';
import type { Parser } from '../parser.ts';
import { BOL, DOT, rx, strip } from '../ruby.ts';
import type { Rule } from '../rules.ts';
import { OPT_SPACE } from './extensions.ts';

export const abbrevDefinition: Rule = {
  name: 'abbrev_definition',
  lineStarts: '*',
  start: rx(`${BOL}${OPT_SPACE}\\*\\[(${DOT}+?)\\]:(${DOT}*?)\\n`),
  parse(p) {
    const src = p.src;
    const location = src.currentLineNumber();
    const [matched, id, text] = src.last as unknown as [string, string, string];
    src.setPos(src.pos + matched.length);
    const definitions = p.root.options.abbrev_defs as Record<string, string>;
    if (Object.hasOwn(definitions, id)) {
      p.warning(`Duplicate abbreviation ID '${id}' on line ${location} - overwriting`);
    }
    const eob = p.newBlockEl('eob', 'abbrev_def');
    p.tree.children.push(eob);
    definitions[id] = strip(text);
    (p.root.options.abbrev_attr as Record<string, unknown>)[id] = eob;
    return true;
  },
};

/** Replaces each definition's end-of-block marker by its attributes (kramdown's correct_abbreviations_attributes). */
export function correctAbbreviationsAttributes(p: Parser): void {
  const attributes = p.root.options.abbrev_attr as Record<string, Element | Record<string, string>>;
  for (const [id, eob] of Object.entries(attributes)) {
    if (eob instanceof Element) attributes[id] = eob.attr;
  }
}

interface AbbreviationPatterns {
  /** Any abbreviation, longest first. */
  any: RegExp;
  /** Where one starts on a word boundary: before a non-word character or at a line start. */
  start: RegExp;
}

const NON_WORD_OR_LINE_START = rx(`[^A-Za-z0-9_]|${BOL}`);

function escapeRegExp(text: string): string {
  // Only syntax characters: Unicode-mode regexps refuse other escapes.
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Turns each defined abbreviation in text under `el` into an element (kramdown's replace_abbreviations). */
export function replaceAbbreviations(p: Parser, el: Element, patterns?: AbbreviationPatterns): void {
  const definitions = p.root.options.abbrev_defs as Record<string, string>;
  const ids = Object.keys(definitions);
  if (ids.length === 0) return;
  if (!patterns) {
    const any = ids
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|');
    patterns = {
      any: rx(`(?:${any})`),
      start: rx(`(?=(?:[^A-Za-z0-9_]|${BOL})(?:${any})(?![A-Za-z0-9_]))`),
    };
  }
  const children: Element[] = [];
  for (const child of el.children) {
    if (child.type !== 'text' || el.options.content_model === 'raw') {
      replaceAbbreviations(p, child, patterns);
      children.push(child);
      continue;
    }
    if (!patterns.any.test(child.text)) {
      children.push(child);
      continue;
    }
    const scanner = new Scanner(child.text, child.options.location ?? 1);
    let textLine = scanner.currentLineNumber();
    for (;;) {
      let before = scanner.scanUntil(patterns.start);
      if (before === null) break;
      const abbreviationLine = scanner.currentLineNumber();
      let abbreviation = scanner.scan(patterns.any);
      if (abbreviation === null) {
        before += scanner.scan(NON_WORD_OR_LINE_START) ?? '';
        abbreviation = scanner.scan(patterns.any) ?? '';
      }
      children.push(new Element('text', before, undefined, { location: textLine }));
      children.push(new Element('abbreviation', abbreviation, undefined, { location: abbreviationLine }));
      textLine = scanner.currentLineNumber();
    }
    children.push(new Element('text', scanner.rest(), undefined, { location: textLine }));
  }
  el.children = children;
}
