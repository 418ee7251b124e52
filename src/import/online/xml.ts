/** XML answers (arXiv's Atom, DBLP's person pages) as a small tree of elements. */
import { Parser } from 'htmlparser2';

export interface XmlElement {
  /** With its prefix: `arxiv:doi`. */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The text inside, entities decoded, child elements' text included. */
  text: string;
}

export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '', attributes: {}, children: [], text: '' };
  const open: XmlElement[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: XmlElement = { name, attributes, children: [], text: '' };
        open[open.length - 1].children.push(element);
        open.push(element);
      },
      ontext(data) {
        for (const element of open) element.text += data;
      },
      onclosetag() {
        open.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(text);
  return root;
}

/** The children named `name`. */
export const childrenNamed = (element: XmlElement, name: string) =>
  element.children.filter((child) => child.name === name);

/** The trimmed text of the first child named `name`, whitespace collapsed. */
export function childText(element: XmlElement, name: string): string | undefined {
  const text = element.children
    .find((child) => child.name === name)
    ?.text.replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
}
