/**
 * kramdown's HTML converter (Kramdown::Converter::Html with Converter::Base): every element type
 * written as kramdown 2.4 writes it, to the byte. Block elements are indented two spaces a level
 * (`indent`), and the footnotes section and the table of contents are written last, where their
 * place holders stand.
 */
import { Element, type Ial } from '../element.ts';
import { type Entity, entity } from '../entities.ts';
import type { KramdownOptions } from '../options.ts';
import { type CodeType, highlight, highlighterOptions } from './rouge.ts';

/** Elements written `<name />` when empty (kramdown's HTML_ELEMENTS_WITHOUT_BODY). */
const ELEMENTS_WITHOUT_BODY = new Set([
  'area',
  'base',
  'br',
  'col',
  'command',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const ESCAPE_MAP: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' };
// A reference already written (REXML's REFERENCE_RE) is left as it is in text and attributes.
const ESCAPE_ALL = /[<>&]/g;
const ESCAPE_TEXT = /&(?:[\w:][-\w.:]*;|#\d+;|#x[0-9a-fA-F]+;)|[<>&]/g;
const ESCAPE_ATTRIBUTE = /&(?:[\w:][-\w.:]*;|#\d+;|#x[0-9a-fA-F]+;)|[<>&"]/g;
const ESCAPE_BY_TYPE = { all: ESCAPE_ALL, text: ESCAPE_TEXT, attribute: ESCAPE_ATTRIBUTE };

type EscapeType = keyof typeof ESCAPE_BY_TYPE;

/** kramdown's escape_html: `all` escapes `<>&`; `text` and `attribute` keep references, `attribute` escapes `"` too. */
function escapeHtml(text: string, type: EscapeType = 'all'): string {
  return text.replace(ESCAPE_BY_TYPE[type], (m) => ESCAPE_MAP[m] ?? m);
}

const CJK_LINE_BREAK =
  /([\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]+)\n([\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]+)/u;

const TYPOGRAPHIC_SYMS: Record<string, string[]> = {
  mdash: ['mdash'],
  ndash: ['ndash'],
  hellip: ['hellip'],
  laquo_space: ['laquo', 'nbsp'],
  raquo_space: ['nbsp', 'raquo'],
  laquo: ['laquo'],
  raquo: ['raquo'],
};

const SMART_QUOTE_INDICES: Record<string, number> = { lsquo: 0, rsquo: 1, ldquo: 2, rdquo: 3 };

type Alignment = 'left' | 'right' | 'center' | 'default';

/** A header on its way into the table of contents: level, id, what it holds. */
type TocEntry = [level: number, id: string, children: Element[]];

/** A footnote met in the text: its name (prefixed), definition, number and how often it was met again. */
interface FootnoteUse {
  name: string;
  definition: Element;
  number: number;
  repeats: number;
}

const FOOTNOTE_PLACE = '\u0000kramdown-footnotes\u0000';
const TOC_PLACE = '\u0000kramdown-toc\u0000';

/** A deep copy (kramdown's Marshal round trip): the footnotes and the TOC change what they copy. */
function deepCopy(el: Element): Element {
  const copy = new Element(el.type, el.value, { ...el.attr }, { ...el.options });
  copy.children = el.children.map(deepCopy);
  return copy;
}

function refsOf(ial: Ial | undefined): string[] {
  return ial?.refs ?? [];
}

class HtmlConverter {
  readonly warnings: string[] = [];
  /** Spaces a nesting level adds (kramdown's @indent). */
  readonly indent = 2;
  private footnoteCounter: number;
  private readonly footnoteStart: number;
  private readonly footnotes: FootnoteUse[] = [];
  private readonly footnotesByName = new Map<string, FootnoteUse>();
  private footnoteLocation = false;
  private readonly toc: TocEntry[] = [];
  private tocCode: { type: 'ul' | 'ol'; attr: Record<string, string> } | undefined;
  private readonly stack: Element[] = [];
  private readonly usedIds = new Map<string, number>();
  private readonly highlighterClass: string;

  constructor(
    private readonly root: Element,
    private readonly options: KramdownOptions,
  ) {
    this.footnoteCounter = this.footnoteStart = options.footnote_nr;
    this.highlighterClass = ` highlighter-${options.syntax_highlighter}`;
  }

  convert(el: Element, indent = -this.indent): string {
    switch (el.type) {
      case 'root':
        return this.convertRoot(el, indent);
      case 'blank':
        return '\n';
      case 'text':
        return this.convertText(el);
      case 'p':
        return this.convertP(el, indent);
      case 'codeblock':
        return this.convertCodeblock(el, indent);
      case 'blockquote':
        return this.indentedBlock('blockquote', el.attr, this.inner(el, indent), indent);
      case 'header':
        return this.convertHeader(el, indent);
      case 'hr':
        return `${' '.repeat(indent)}<hr${this.htmlAttributes(el.attr)} />\n`;
      case 'ul':
      case 'ol':
        return this.convertList(el, indent);
      case 'dl':
        return this.indentedBlock('dl', el.attr, this.inner(el, indent), indent);
      case 'li':
      case 'dd':
        return this.convertLi(el, indent);
      case 'dt':
        return this.convertDt(el, indent);
      case 'html_element':
        return this.convertHtmlElement(el, indent);
      case 'xml_comment':
      case 'xml_pi':
        return this.convertXmlComment(el, indent);
      case 'table':
      case 'thead':
      case 'tbody':
      case 'tfoot':
      case 'tr':
        return this.indentedBlock(el.type, el.attr, this.inner(el, indent), indent);
      case 'td':
        return this.convertTd(el, indent);
      case 'comment':
        return el.options.category === 'block'
          ? `${' '.repeat(indent)}<!-- ${el.text} -->\n`
          : `<!-- ${el.text} -->`;
      case 'br':
        return '<br />';
      case 'a':
        return this.spanHtml('a', el.attr, this.inner(el, indent));
      case 'img':
        return `<img${this.htmlAttributes(el.attr)} />`;
      case 'codespan':
        return this.convertCodespan(el);
      case 'footnote':
        return this.convertFootnote(el);
      case 'raw':
        return this.convertRaw(el);
      case 'em':
      case 'strong':
        return this.spanHtml(el.type, el.attr, this.inner(el, indent));
      case 'entity':
        return this.entityToString(el.value as Entity, el.options.original as string | undefined);
      case 'typographic_sym':
        return this.convertTypographicSym(el);
      case 'smart_quote':
        return this.entityToString(this.smartQuoteEntity(el));
      case 'math':
        return this.convertMath(el, indent);
      case 'abbreviation':
        return this.convertAbbreviation(el);
      default:
        // Parse-time elements (raw_text, eob, footnote_def) never reach kramdown's converter;
        // should one be left, it writes nothing rather than stop the build.
        return '';
    }
  }

  /** What `el` holds, converted one level deeper; `el` is on the stack meanwhile. */
  private inner(el: Element, indent: number): string {
    let result = '';
    this.stack.push(el);
    for (const child of el.children) result += this.convert(child, indent + this.indent);
    this.stack.pop();
    return result;
  }

  private get parent(): Element | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Inside a raw element (`<pre>`, `<script>`…, kept as written) nothing is indented. */
  private inRawHtml(): boolean {
    const parent = this.parent;
    return parent?.type === 'html_element' && parent.options.content_model === 'raw';
  }

  private convertText(el: Element): string {
    const escaped = escapeHtml(el.text, 'text');
    return this.options.remove_line_breaks_for_cjk ? fixCjkLineBreak(escaped) : escaped;
  }

  private convertP(el: Element, indent: number): string {
    if (el.options.transparent) return this.inner(el, indent);
    const only = el.children.length === 1 ? el.children[0] : undefined;
    if (only?.type === 'img' && refsOf(only.options.ial).includes('standalone')) {
      return this.convertStandaloneImage(el, only, indent);
    }
    return this.blockHtml('p', el.attr, this.inner(el, indent), indent);
  }

  private convertStandaloneImage(el: Element, img: Element, indent: number): string {
    const figureAttr = { ...el.attr };
    const imageAttr = { ...img.attr };
    for (const name of ['class', 'id']) {
      if (name in imageAttr && !(name in figureAttr)) {
        figureAttr[name] = imageAttr[name];
        delete imageAttr[name];
      }
    }
    const pad = ' '.repeat(indent + this.indent);
    const body =
      `${pad}<img${this.htmlAttributes(imageAttr)} />\n` +
      `${pad}<figcaption>${imageAttr.alt ?? ''}</figcaption>\n`;
    return this.indentedBlock('figure', figureAttr, body, indent);
  }

  private convertCodeblock(el: Element, indent: number): string {
    const attr = { ...el.attr };
    const lang = extractCodeLanguage(attr, true);
    const opts = this.highlighterOptions('block');
    const highlighted = opts && highlight(el.text, (el.options.lang as string | undefined) ?? lang, opts);
    if (highlighted !== undefined && opts) {
      this.addSyntaxHighlighterToClass(attr, lang ?? opts.default_lang);
      const pad = ' '.repeat(indent);
      return `${pad}<div${this.htmlAttributes(attr)}>${highlighted}${pad}</div>\n`;
    }
    let result = escapeHtml(el.text).replace(/\r?\n$|\r$/, '');
    if (/\bshow-whitespaces\b/.test(el.attr.class ?? '')) result = showWhitespaces(result);
    const codeAttr: Record<string, string> = lang ? { class: `language-${lang}` } : {};
    return (
      `${' '.repeat(indent)}<pre${this.htmlAttributes(attr)}>` +
      `<code${this.htmlAttributes(codeAttr)}>${result}\n</code></pre>\n`
    );
  }

  private convertHeader(el: Element, indent: number): string {
    const attr = { ...el.attr };
    // An empty id (a GFM header of punctuation only) is an id, as in Ruby: none is made, none written.
    if (this.options.auto_ids && attr.id === undefined)
      attr.id = this.generateId(String(el.options.raw_text ?? ''));
    const level = Number(el.options.level);
    if (attr.id !== undefined && this.inToc(el, level)) this.toc.push([level, attr.id, el.children]);
    const outputLevel = Math.max(Math.min(level + this.options.header_offset, 6), 1);
    return this.blockHtml(`h${outputLevel}`, attr, this.inner(el, indent), indent);
  }

  private inToc(el: Element, level: number): boolean {
    return this.options.toc_levels.includes(level) && !/\bno_toc\b/.test(el.attr.class ?? '');
  }

  private convertList(el: Element, indent: number): string {
    const refs = refsOf(el.options.ial);
    if (!this.tocCode && refs.includes('toc')) {
      this.tocCode = { type: el.type as 'ul' | 'ol', attr: el.attr };
      return TOC_PLACE;
    }
    if (!this.footnoteLocation && refs.includes('footnotes')) {
      this.footnoteLocation = true;
      return FOOTNOTE_PLACE;
    }
    return this.indentedBlock(el.type, el.attr, this.inner(el, indent), indent);
  }

  private convertLi(el: Element, indent: number): string {
    const pad = ' '.repeat(indent);
    let output = `${pad}<${el.type}${this.htmlAttributes(el.attr)}>`;
    const res = this.inner(el, indent);
    const first = el.children[0];
    if (!first || (first.type === 'p' && first.options.transparent)) {
      output += res + (res.endsWith('\n') ? pad : '');
    } else {
      output += `\n${res}${pad}`;
    }
    return `${output}</${el.type}>\n`;
  }

  private convertDt(el: Element, indent: number): string {
    const attr = { ...el.attr };
    if (attr.id === undefined) {
      for (const ref of refsOf(this.parent?.options.ial)) {
        const match = /^auto_ids(?:-([\w-]+))?/.exec(ref);
        if (match) {
          attr.id = `${match[1] ?? ''}${basicGenerateId(String(el.options.raw_text ?? ''))}`.trimStart();
          break;
        }
      }
    }
    return this.blockHtml('dt', attr, this.inner(el, indent), indent);
  }

  private convertHtmlElement(el: Element, indent: number): string {
    const name = String(el.value);
    const res = this.inner(el, indent);
    const attrs = this.htmlAttributes(el.attr);
    if (el.options.category === 'span') {
      return `<${name}${attrs}${res === '' && ELEMENTS_WITHOUT_BODY.has(name) ? ' />' : `>${res}</${name}>`}`;
    }
    const inRaw = this.inRawHtml();
    let output = inRaw ? '' : ' '.repeat(indent);
    output += `<${name}${attrs}`;
    const model = el.options.content_model;
    if (el.options.is_closed && model === 'raw') output += ' />';
    else if (res !== '' && model !== 'block') output += `>${res}</${name}>`;
    else if (res !== '') output += `>\n${res.replace(/\r?\n$|\r$/, '')}\n${' '.repeat(indent)}</${name}>`;
    else if (ELEMENTS_WITHOUT_BODY.has(name)) output += ' />';
    else output += `></${name}>`;
    return inRaw ? output : `${output}\n`;
  }

  private convertXmlComment(el: Element, indent: number): string {
    if (el.options.category === 'block' && !this.inRawHtml()) return `${' '.repeat(indent)}${el.text}\n`;
    return el.text;
  }

  private convertTd(el: Element, indent: number): string {
    const res = this.inner(el, indent);
    const row = this.stack[this.stack.length - 1];
    const section = this.stack[this.stack.length - 2];
    const table = this.stack[this.stack.length - 3];
    const type = section?.type === 'thead' ? 'th' : 'td';
    let attr = el.attr;
    const alignments = (table?.options.alignment ?? []) as Alignment[];
    const alignment = alignments[row ? row.children.indexOf(el) : -1];
    if (alignment !== 'default') {
      attr = { ...el.attr };
      // Ruby writes a missing alignment (a row longer than the separator) as an empty one.
      attr.style = `${'style' in attr ? `${attr.style}; ` : ''}text-align: ${alignment ?? ''}`;
    }
    return this.blockHtml(type, attr, res === '' ? this.entityToString(knownEntity('nbsp')) : res, indent);
  }

  private convertCodespan(el: Element): string {
    const attr = { ...el.attr };
    const lang = extractCodeLanguage(attr, false);
    const opts = this.highlighterOptions('span');
    let result = opts && highlight(el.text, lang, opts);
    if (result !== undefined && opts) this.addSyntaxHighlighterToClass(attr, lang ?? opts.default_lang);
    else result = escapeHtml(el.text);
    return this.spanHtml('code', attr, result);
  }

  private convertFootnote(el: Element): string {
    const name = this.options.footnote_prefix + String(el.options.name);
    let repeat = '';
    let number: number;
    const seen = this.footnotesByName.get(name);
    if (seen) {
      number = seen.number;
      seen.repeats++;
      repeat = `:${seen.repeats}`;
    } else {
      number = this.footnoteCounter++;
      const use = { name, definition: el.value as Element, number, repeats: 0 };
      this.footnotes.push(use);
      this.footnotesByName.set(name, use);
    }
    return (
      `<sup id="fnref:${name}${repeat}" role="doc-noteref">` +
      `<a href="#fn:${name}" class="footnote" rel="footnote">${number}</a></sup>`
    );
  }

  private convertRaw(el: Element): string {
    const type = el.options.type as string | string[] | undefined;
    if (!type || type.length === 0 || type.includes('html')) {
      return el.text + (el.options.category === 'block' ? '\n' : '');
    }
    return '';
  }

  private convertTypographicSym(el: Element): string {
    const name = String(el.value);
    const own = this.options.typographic_symbols[name];
    if (own !== undefined) return escapeHtml(own, 'text');
    return (TYPOGRAPHIC_SYMS[name] ?? []).map((e) => this.entityToString(knownEntity(e))).join('');
  }

  private smartQuoteEntity(el: Element): Entity {
    return knownEntity(this.options.smart_quotes[SMART_QUOTE_INDICES[String(el.value)]]);
  }

  private convertMath(el: Element, indent: number): string {
    if (this.options.math_engine === 'mathjax') return this.mathjax(el, indent);
    if (this.options.math_engine) {
      this.warning(`The configured math engine ${this.options.math_engine} is not available.`);
    }
    const attr = { ...el.attr, class: `${el.attr.class ?? ''} kdmath`.trimStart() };
    if (el.options.category === 'block') return this.blockHtml('div', attr, `$$\n${el.text}\n$$`, indent);
    return this.spanHtml('span', attr, `$${el.text}$`);
  }

  /** kramdown's MathJax engine: `\[…\]` and `\(…\)`, for MathJax to find in the page. */
  private mathjax(el: Element, indent: number): string {
    const block = el.options.category === 'block';
    const result = block ? `\\[${escapeHtml(el.text)}\\]\n` : `\\(${escapeHtml(el.text)}\\)`;
    if (Object.keys(el.attr).length === 0) return result;
    if (block) return this.blockHtml('div', el.attr, result, indent);
    return this.spanHtml('span', el.attr, `$${el.text}$`);
  }

  private convertAbbreviation(el: Element): string {
    const abbreviation = String(el.value);
    const title = (this.root.options.abbrev_defs as Record<string, string>)[abbreviation] ?? '';
    const ownAttr = (this.root.options.abbrev_attr as Record<string, Record<string, string>>)[abbreviation];
    const attr = { ...(ownAttr ?? {}) };
    if (title !== '') attr.title = title;
    return this.spanHtml('abbr', attr, abbreviation);
  }

  private convertRoot(el: Element, indent: number): string {
    let result = this.inner(el, indent);
    const footnotes = this.footnoteContent();
    if (this.footnoteLocation) result = result.replace(FOOTNOTE_PLACE, () => footnotes);
    else result += footnotes;
    if (this.tocCode) {
      const tree = this.generateTocTree(this.toc, this.tocCode.type, this.tocCode.attr);
      const text = tree.children.length > 0 ? this.convert(tree, 0) : '';
      result = result.replace(TOC_PLACE, () => text);
    }
    return result;
  }

  private spanHtml(name: string, attr: Record<string, string>, body: string): string {
    return `<${name}${this.htmlAttributes(attr)}>${body}</${name}>`;
  }

  private blockHtml(name: string, attr: Record<string, string>, body: string, indent: number): string {
    return `${' '.repeat(indent)}<${name}${this.htmlAttributes(attr)}>${body}</${name}>\n`;
  }

  private indentedBlock(name: string, attr: Record<string, string>, body: string, indent: number): string {
    const pad = ' '.repeat(indent);
    return `${pad}<${name}${this.htmlAttributes(attr)}>\n${body}${pad}</${name}>\n`;
  }

  /** Attributes in the order they were set; an empty id is left out. */
  private htmlAttributes(attr: Record<string, string | number | undefined>): string {
    let result = '';
    for (const [name, value] of Object.entries(attr)) {
      if (value === undefined || value === null) continue;
      const text = String(value);
      if (name === 'id' && text.trim() === '') continue;
      result += ` ${name}="${escapeHtml(text, 'attribute')}"`;
    }
    return result;
  }

  /** A character as `entity_output` asks: the character, the text as written, or a reference. */
  private entityToString(e: Entity, original?: string): string {
    const output = this.options.entity_output;
    const char = String.fromCodePoint(e.codePoint);
    if (output === 'as_char' && (char === '"' || !(char in ESCAPE_MAP))) return char;
    if ((output === 'as_input' || output === 'as_char') && original) return original;
    if ((output === 'symbolic' || char in ESCAPE_MAP) && e.name) return `&${e.name};`;
    return `&#${e.codePoint};`;
  }

  private highlighterOptions(type: CodeType) {
    const name = this.options.syntax_highlighter;
    if (!name) return undefined;
    if (name !== 'rouge') {
      this.warning(`The configured syntax highlighter ${name} is not available.`);
      return undefined;
    }
    return highlighterOptions(this.options.syntax_highlighter_opts, type);
  }

  /** `highlighter-rouge` added to the class, and `language-LANG` put first (in place of one already first). */
  private addSyntaxHighlighterToClass(attr: Record<string, string>, lang: string | undefined): void {
    attr.class = `${attr.class ?? ''}${this.highlighterClass}`.trimStart();
    // Ruby's sub of /\blanguage-\S+|(^)/: the leftmost match is at the start either way.
    if (lang)
      attr.class = attr.class.replace(/^language-\S+|^/, (m) =>
        m ? `language-${lang}` : `language-${lang} `,
      );
  }

  /** A header's id: kramdown's basic id, `section` when empty, numbered when taken, with the prefix. */
  private generateId(text: string): string {
    let id = basicGenerateId(text);
    if (id === '') id = 'section';
    const used = this.usedIds.get(id);
    if (used === undefined) this.usedIds.set(id, 0);
    else {
      this.usedIds.set(id, used + 1);
      id += `-${used + 1}`;
    }
    return this.options.auto_id_prefix + id;
  }

  private generateTocTree(toc: TocEntry[], type: 'ul' | 'ol', attr: Record<string, string>): Element {
    const sections = new Element(type, undefined, { ...attr });
    sections.attr.id ??= 'markdown-toc';
    const stack: Element[] = [];
    const dropEmptyList = (item: Element) => {
      if (item.children[item.children.length - 1].children.length === 0) item.children.pop();
    };
    for (const [level, id, children] of toc) {
      const li = new Element('li', undefined, undefined, { level });
      const entry = new Element('p', undefined, undefined, { transparent: true });
      const a = new Element('a', undefined, { href: `#${id}`, id: `${sections.attr.id}-${id}` });
      a.children = fixForTocEntry(children.map(deepCopy));
      entry.children.push(a);
      li.children.push(entry, new Element(type));
      for (;;) {
        const last = stack[stack.length - 1];
        if (!last) {
          sections.children.push(li);
          stack.push(li);
          break;
        }
        if (Number(last.options.level) < level) {
          last.children[last.children.length - 1].children.push(li);
          stack.push(li);
          break;
        }
        dropEmptyList(stack.pop() as Element);
      }
    }
    while (stack.length > 0) dropEmptyList(stack.pop() as Element);
    return sections;
  }

  /** The footnotes section: each footnote met, in order, with links back to where it was met. */
  private footnoteContent(): string {
    const ol = new Element('ol');
    if (this.footnoteStart !== 1) ol.attr.start = String(this.footnoteStart);
    const backlinkText = escapeHtml(this.options.footnote_backlink, 'text');
    const nbsp = this.entityToString(knownEntity('nbsp'));
    const backlink = (space: string, name: string, text: string) =>
      `${space}<a href="#fnref:${name}" class="reversefootnote" role="doc-backlink">${text}</a>`;
    for (const { name, definition, repeats } of this.footnotes) {
      const li = new Element('li', undefined, { id: `fn:${name}`, role: 'doc-endnote' });
      li.children = definition.children.map(deepCopy);
      let para: Element | undefined;
      let insertSpace = false;
      if (li.children[li.children.length - 1]?.type === 'p' || this.options.footnote_backlink_inline) {
        let parent = li;
        for (;;) {
          const last = parent.children[parent.children.length - 1];
          if (!last || last.type === 'p' || last.type === 'header') break;
          parent = last;
        }
        para = parent.children[parent.children.length - 1];
        insertSpace = true;
      }
      if (!para) {
        para = new Element('p');
        li.children.push(para);
        insertSpace = false;
      }
      if (this.options.footnote_backlink !== '') {
        para.children.push(new Element('raw', backlink(insertSpace ? nbsp : '', name, backlinkText)));
        for (let index = 1; index <= repeats; index++) {
          para.children.push(
            new Element('raw', backlink(nbsp, `${name}:${index}`, `${backlinkText}<sup>${index + 1}</sup>`)),
          );
        }
      }
      ol.children.push(new Element('raw', this.convert(li, 4)));
    }
    if (ol.children.length === 0) return '';
    return this.indentedBlock('div', { class: 'footnotes', role: 'doc-endnotes' }, this.convert(ol, 2), 0);
  }

  private warning(text: string): void {
    if (!this.warnings.includes(text)) this.warnings.push(text);
  }
}

/** kramdown fails on a name it does not know (a `smart_quotes` setting's): so do we, saying which. */
function knownEntity(pointOrName: string | number): Entity {
  const found = entity(pointOrName);
  if (!found)
    throw new Error(
      `kramdown knows no entity named '${pointOrName}' (check the kramdown: smart_quotes setting)`,
    );
  return found;
}

/** kramdown's basic id: no leading non-letters, only `a-zA-Z0-9 -`, spaces as dashes, lower case. */
function basicGenerateId(text: string): string {
  return text
    .replace(/^[^a-zA-Z]+/gm, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase();
}

/** The `language-x` of a class; with `remove`, taken out of the class (and the class dropped when empty). */
function extractCodeLanguage(attr: Record<string, string>, remove: boolean): string | undefined {
  const match = attr.class === undefined ? null : /\blanguage-(\S+)/.exec(attr.class);
  if (!match) return undefined;
  if (remove) {
    attr.class = attr.class.replace(/\blanguage-\S+/, '').trim();
    if (attr.class === '') delete attr.class;
  }
  return match[1];
}

function fixCjkLineBreak(text: string): string {
  let result = text;
  for (
    let next = result.replace(CJK_LINE_BREAK, '$1$2');
    next !== result;
    next = result.replace(CJK_LINE_BREAK, '$1$2')
  ) {
    result = next;
  }
  return result;
}

/** `show-whitespaces`: each space and tab in a span, marked as leading (-l), trailing (-r) or inner. */
function showWhitespaces(code: string): string {
  return code.replace(/(^[ \t]+)|([ \t]+$)|([ \t]+)/gm, (m, leading?: string, trailing?: string) => {
    const suffix = leading ? '-l' : trailing ? '-r' : '';
    return [...m]
      .map((c) =>
        c === '\t'
          ? `<span class="ws-tab${suffix}">\t</span>`
          : `<span class="ws-space${suffix}">&#8901;</span>`,
      )
      .join('');
  });
}

/** A TOC entry's text: without footnotes, links unwrapped. */
function fixForTocEntry(elements: Element[]): Element[] {
  return unwrapLinks(removeFootnotes(elements));
}

function removeFootnotes(elements: Element[]): Element[] {
  return elements.filter((el) => {
    el.children = removeFootnotes(el.children);
    return el.type !== 'footnote';
  });
}

function unwrapLinks(elements: Element[]): Element[] {
  return elements.flatMap((el) => {
    el.children = unwrapLinks(el.children);
    return el.type === 'a' ? el.children : [el];
  });
}

/** `root` as HTML, with the options `{::options … /}` set in the text over `options` (as kramdown's Converter::Base does). */
export function convertHtml(root: Element, options: KramdownOptions): { html: string; warnings: string[] } {
  const inText = root.options.options as Partial<KramdownOptions> | undefined;
  const converter = new HtmlConverter(root, inText ? { ...options, ...inText } : options);
  return { html: converter.convert(root), warnings: converter.warnings };
}
