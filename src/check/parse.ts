/** A built page read once into what the checks look at: its elements with their lines, ids, title. */
import { Parser } from 'htmlparser2';
import { cssReferences } from './css.ts';
import { LineIndex } from './problem.ts';

export interface Element {
  /** Lower-case tag name. */
  name: string;
  /** Attribute values with entities decoded; names lower-case. */
  attributes: Record<string, string>;
  /** 1-based line of the tag in the built file. */
  line: number;
}

export interface ParsedPage {
  /** Every element written in the file (not those a parser would imply). */
  elements: Element[];
  /** Each `id`, with the lines where it occurs. */
  ids: Map<string, number[]>;
  /** What a `#fragment` can point at: ids, and `<a name>` (HTML's old anchors). */
  anchors: Set<string>;
  /** The text of `<title>`, or undefined when there is none. */
  title: string | undefined;
  /** The file has `<html>`, `<head>` or `<body>`: a whole page, not a fragment. */
  isDocument: boolean;
  /** `<base href>`, which relative links resolve against. */
  base: string | undefined;
}

/** What a file with nothing to look at holds; a stylesheet is this with its `url()`s. */
export function emptyPage(elements: Element[] = []): ParsedPage {
  return {
    elements,
    ids: new Map(),
    anchors: new Set(),
    title: undefined,
    isDocument: false,
    base: undefined,
  };
}

export function parsePage(text: string): ParsedPage {
  const lines = new LineIndex(text);
  const page = emptyPage();
  let inTitle = false;
  let inStyle = false;
  const parser = new Parser(
    {
      onopentag(name, attributes, isImplied) {
        if (isImplied) return;
        const line = lines.at(parser.startIndex).line;
        page.elements.push({ name, attributes, line });
        if (attributes.style?.includes('url('))
          page.elements.push(...cssReferences(attributes.style, () => line));
        if (name === 'style') inStyle = true;
        if (name === 'html' || name === 'head' || name === 'body') page.isDocument = true;
        const id = attributes.id;
        if (id !== undefined && id !== '') {
          const seen = page.ids.get(id);
          if (seen) seen.push(line);
          else page.ids.set(id, [line]);
          page.anchors.add(id);
        }
        if (name === 'a' && attributes.name) page.anchors.add(attributes.name);
        if (name === 'base' && attributes.href !== undefined) page.base ??= attributes.href;
        // The first <title> of the page; one inside an inline <svg> names the drawing, not the page.
        if (name === 'title' && page.title === undefined && !parser.isInForeignContext()) {
          inTitle = true;
          page.title = '';
        }
      },
      ontext(data) {
        if (inTitle) page.title += data;
        if (inStyle && data.includes('url(')) {
          const start = parser.startIndex;
          page.elements.push(...cssReferences(data, (offset) => lines.at(start + offset).line));
        }
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'style') inStyle = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(text);
  return page;
}
