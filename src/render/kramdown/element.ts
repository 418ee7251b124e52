/**
 * kramdown's element tree (Kramdown::Element): what the parser makes and the converter writes.
 * Types, attribute and option names are kramdown's own, so its source reads across directly.
 */

/** Every element type kramdown's parsers make (`raw_text` and `eob` only live during parsing). */
export type ElementType =
  | 'root'
  | 'blank'
  | 'text'
  | 'raw_text'
  | 'eob'
  | 'p'
  | 'header'
  | 'blockquote'
  | 'codeblock'
  | 'codespan'
  | 'ul'
  | 'ol'
  | 'li'
  | 'dl'
  | 'dt'
  | 'dd'
  | 'table'
  | 'thead'
  | 'tbody'
  | 'tfoot'
  | 'tr'
  | 'td'
  | 'hr'
  | 'a'
  | 'img'
  | 'br'
  | 'em'
  | 'strong'
  | 'footnote'
  | 'footnote_def'
  | 'entity'
  | 'typographic_sym'
  | 'smart_quote'
  | 'abbreviation'
  | 'math'
  | 'html_element'
  | 'xml_comment'
  | 'xml_pi'
  | 'comment'
  | 'raw'
  /** A list item's content while it is parsed. */
  | 'temp';

export type Category = 'block' | 'span';

/**
 * kramdown's `el.options`: per-type data. Fields are optional and named as in kramdown
 * (`category`, `location`, `ial`, `raw_text`, `transparent`, `content_model`, `is_closed`, …).
 */
export interface ElementOptions {
  category?: Category;
  /** The line the element starts on (kramdown's `:location`). */
  location?: number;
  /** A block/span IAL not yet applied: attributes plus `refs` to ALDs (kramdown's `:ial`). */
  ial?: Ial;
  raw_text?: string;
  [key: string]: unknown;
}

/** An inline attribute list: attribute name → value, `class` accumulated, `refs` to ALD names. */
export interface Ial {
  [attribute: string]: string | string[] | undefined;
  refs?: string[];
}

const BLOCK_TYPES = new Set<ElementType>([
  'blank',
  'p',
  'header',
  'blockquote',
  'codeblock',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'td',
  'hr',
]);
const SPAN_TYPES = new Set<ElementType>([
  'text',
  'a',
  'br',
  'img',
  'codespan',
  'footnote',
  'em',
  'strong',
  'entity',
  'typographic_sym',
  'smart_quote',
  'abbreviation',
]);

export class Element {
  children: Element[] = [];
  options: ElementOptions;
  /** Made when first asked for: most elements of a page (its text) never have attributes. */
  private ownAttr: Record<string, string> | undefined;

  constructor(
    public type: ElementType,
    /** Text for text-like elements; tag name for `html_element`; symbol name for `smart_quote`… */
    public value: unknown = undefined,
    attr?: Record<string, string>,
    options?: ElementOptions,
  ) {
    this.ownAttr = attr;
    this.options = options ?? {};
  }

  get attr(): Record<string, string> {
    this.ownAttr ??= {};
    return this.ownAttr;
  }

  set attr(attr: Record<string, string>) {
    this.ownAttr = attr;
  }

  get category(): Category | undefined {
    if (BLOCK_TYPES.has(this.type)) return 'block';
    if (SPAN_TYPES.has(this.type)) return 'span';
    return this.options.category;
  }

  isBlock(): boolean {
    return this.category === 'block';
  }

  isSpan(): boolean {
    return this.category === 'span';
  }

  /** The value as text (kramdown keeps strings in `value` for text, codespan, math, raw…). */
  get text(): string {
    return typeof this.value === 'string' ? this.value : '';
  }
}
