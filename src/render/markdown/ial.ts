/**
 * kramdown's inline attribute lists (IALs): a line `{: .class #id key="value"}` right after a
 * block gives that block those attributes; `{#id}` at the end of a header sets its id; and
 * `{:toc}` on a list replaces the list with the table of contents (`ul#markdown-toc`), built
 * from the headers that do not have the class `no_toc`.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

export interface Attributes {
  classes: string[];
  id?: string;
  pairs: [string, string][];
  /** Bare names: references to attribute definitions, and `toc`. */
  references: string[];
}

const IAL_LINE = /(?:^|\n)[ \t]*\{:?\s*([^}]*)\}[ \t]*$/;
const HEADER_IAL =
  /\s*\{:?\s*((?:#[\w-]+|\.[\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'))(?:\s+(?:#[\w-]+|\.[\w-]+|[\w-]+=(?:"[^"]*"|'[^']*')))*)\s*\}\s*$/;

export function parseAttributes(text: string): Attributes {
  const attributes: Attributes = { classes: [], pairs: [], references: [] };
  for (const [part, key, quoted, single] of text.matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)')|[#.]?[\w:-]+/g)) {
    if (key) attributes.pairs.push([key, quoted ?? single ?? '']);
    else if (part.startsWith('.')) attributes.classes.push(part.slice(1));
    else if (part.startsWith('#')) attributes.id = part.slice(1);
    else attributes.references.push(part.replace(/^:/, ''));
  }
  return attributes;
}

function apply(token: Token, attributes: Attributes): void {
  if (attributes.id) token.attrSet('id', attributes.id);
  if (attributes.classes.length) {
    const existing = token.attrGet('class');
    token.attrSet('class', [existing, ...attributes.classes].filter(Boolean).join(' '));
  }
  for (const [key, value] of attributes.pairs) token.attrSet(key, value);
}

/** The opening token of the block that the token at `close` closes. */
function openerOf(tokens: Token[], close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    depth += tokens[i].nesting;
    if (depth === 0) return i;
  }
  return 0;
}

/** Block IALs written on the line after a paragraph (markdown-it keeps them in its text). */
function blockIals(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const inline = tokens[i];
    if (inline.type !== 'inline' || tokens[i - 1]?.type !== 'paragraph_open') continue;
    const match = IAL_LINE.exec(inline.content);
    if (!match || (!inline.content.includes('\n') && match.index !== 0)) continue;
    const attributes = parseAttributes(match[1]);
    inline.content = inline.content.slice(0, match.index);
    const paragraph = tokens[i - 1];
    // An IAL line that is not indented, inside a list item, belongs to the whole list.
    const ialLine = (paragraph.map?.[1] ?? 1) - 1;
    const unindented = !/^[ \t]/.test(state.src.split('\n')[ialLine] ?? '');
    let target = paragraph;
    if (unindented && tokens[i - 2]?.type === 'list_item_open') {
      for (let j = i - 2; j >= 0; j--) {
        if (
          (tokens[j].type === 'bullet_list_open' || tokens[j].type === 'ordered_list_open') &&
          tokens[j].level === 0
        ) {
          target = tokens[j];
          break;
        }
      }
    }
    if (inline.content.trim() === '' && target === paragraph) {
      // A paragraph that was only the IAL: it gives its attributes to the block before it.
      const before = tokens[i - 2];
      if (before && before.nesting === -1) apply(tokens[openerOf(tokens, i - 2)], attributes);
      tokens.splice(i - 1, 3);
      i -= 2;
      continue;
    }
    apply(target, attributes);
    if (attributes.references.includes('toc')) target.meta = { ...(target.meta ?? {}), toc: true };
  }
}

/** `## Header {#id .class}` */
function headerIals(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].type !== 'inline' || tokens[i - 1].type !== 'heading_open') continue;
    const match = HEADER_IAL.exec(tokens[i].content);
    if (!match) continue;
    tokens[i].content = tokens[i].content.slice(0, match.index);
    apply(tokens[i - 1], parseAttributes(match[1]));
  }
}

/** Replace a list marked `{:toc}` with the table of contents. */
function tableOfContents(md: MarkdownIt, state: StateCore): void {
  const tokens = state.tokens;
  const start = tokens.findIndex((t) => t.meta?.toc);
  if (start === -1) return;
  let end = start;
  for (let depth = 0; end < tokens.length; end++) {
    depth += tokens[end].nesting;
    if (depth === 0) break;
  }
  const headers: { level: number; id: string; html: string }[] = [];
  tokens.forEach((token, i) => {
    if (
      token.type !== 'heading_open' ||
      String(token.attrGet('class') ?? '')
        .split(/\s+/)
        .includes('no_toc')
    )
      return;
    headers.push({
      level: Number(token.tag.slice(1)),
      id: String(token.attrGet('id') ?? ''),
      html: md.renderer.renderInline(tokens[i + 1].children ?? [], md.options, state.env),
    });
  });
  const list = tokens[start];
  const attributes = (list.attrs ?? []).filter(([name]) => name !== 'id');
  const attrText = [...attributes, ['id', 'markdown-toc']]
    .sort(([a], [b]) => (a === 'id' ? 1 : b === 'id' ? -1 : 0))
    .map(([name, value]) => ` ${name}="${md.utils.escapeHtml(String(value))}"`)
    .join('');
  // Nest by level, as kramdown's toc does.
  const lines: string[] = [];
  const render = (items: typeof headers, depth: number): void => {
    let i = 0;
    while (i < items.length) {
      const item = items[i];
      const children: typeof headers = [];
      let j = i + 1;
      while (j < items.length && items[j].level > item.level) children.push(items[j++]);
      const pad = '  '.repeat(depth * 2 + 1);
      const link = `<a href="#${item.id}" id="markdown-toc-${item.id}">${item.html}</a>`;
      if (children.length) {
        lines.push(`${pad}<li>${link}`, `${pad}  <ul>`);
        render(children, depth + 1);
        lines.push(`${pad}  </ul>`, `${pad}</li>`);
      } else lines.push(`${pad}<li>${link}</li>`);
      i = j;
    }
  };
  render(headers, 0);
  const toc = new state.Token('html_block', '', 0);
  toc.content = `<ul${attrText}>\n${lines.join('\n')}\n</ul>\n`;
  tokens.splice(start, end - start + 1, toc);
}

/** Span IALs: `[text](url){:target="_blank"}`, `*word*{: .class}`, `` `code`{:.x} ``. */
function spanIals(state: StateCore): void {
  const SPAN_IAL = /^\{:\s*([^}]*)\}/;
  for (const block of state.tokens) {
    const children = block.children;
    if (block.type !== 'inline' || !children) continue;
    for (let i = 1; i < children.length; i++) {
      const token = children[i];
      if (token.type !== 'text') continue;
      const match = SPAN_IAL.exec(token.content);
      if (!match) continue;
      const previous = children[i - 1];
      let target: Token | undefined;
      if (previous.type === 'code_inline' || previous.type === 'image') target = previous;
      else if (previous.nesting === -1) {
        for (let depth = 0, j = i - 1; j >= 0; j--) {
          depth += children[j].nesting;
          if (depth === 0) {
            target = children[j];
            break;
          }
        }
      }
      if (!target) continue;
      apply(target, parseAttributes(match[1]));
      token.content = token.content.slice(match[0].length);
    }
  }
}

export function ials(md: MarkdownIt): void {
  md.core.ruler.after('block', 'kramdown_block_ial', blockIals);
  md.core.ruler.after('kramdown_block_ial', 'kramdown_header_ial', headerIals);
  md.core.ruler.after('inline', 'kramdown_span_ial', spanIals);
}

/** Register after the header ids, which the table of contents links to. */
export function toc(md: MarkdownIt): void {
  md.core.ruler.push('kramdown_toc', (state) => tableOfContents(md, state));
}
