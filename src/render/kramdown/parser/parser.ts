/**
 * kramdown's parser (Kramdown::Parser::Kramdown with kramdown-parser-gfm's GFM changes): the
 * block loop, the span loop and the parse state that every rule works on. The rules themselves
 * are one file each under rules/, listed in order in rules.ts — the table to read first.
 *
 * State is kept as kramdown keeps it (`@src`, `@tree`, `@stack`, `@block_ial`, `@text_type`…),
 * so that each rule reads like its Ruby original: a rule looks at `p.src`, adds to `p.tree`,
 * and may call `p.parseBlocks`/`p.parseSpans` for what it contains.
 */
import { Element, type ElementType, type Ial } from '../element.ts';
import type { KramdownOptions } from '../options.ts';
import { Scanner } from '../scanner.ts';
import { LinkClosings } from './link-closings.ts';
import { type LookAhead, LookAheads } from './look-ahead.ts';
import { correctAbbreviationsAttributes, replaceAbbreviations } from './rules/abbreviation.ts';
import { firstAfterSpaces } from './rules/block-boundary.ts';
import { rawTextOf, updateElements } from './rules/gfm.ts';
import { paragraphEndFor } from './rules/paragraph.ts';
import { blockRules, isGfm, type Rule, spanRules } from './rules.ts';
import { normalizeLinkId, StopBlockParsing } from './shared.ts';
import { WarningLog } from './warning-log.ts';

export type TextType = 'text' | 'raw_text';

/**
 * How deep blocks may nest (quotes, list items, `markdown="1"` HTML, footnotes, one in another).
 * kramdown parses a nested block's text once more per level, so a page nested thousands deep
 * costs its size times its depth; real pages nest a handful deep.
 */
export const MAX_BLOCK_NESTING = 100;

/**
 * How deep spans (HTML tags, unclosed ones too, links, images, emphasis) and elements of raw HTML
 * may nest. Each level is a few calls deep: a page of thousands overflows the call stack (ours
 * past about 1,500 spans or 1,800 elements; kramdown's past about 4,000).
 */
export const MAX_SPAN_NESTING = 500;
export const MAX_HTML_NESTING = 1000;

const LIMITS = { blocks: MAX_BLOCK_NESTING, spans: MAX_SPAN_NESTING, 'HTML elements': MAX_HTML_NESTING };

/** What nests: blocks, spans, or elements of raw HTML. */
export type Nesting = 'blocks' | 'spans' | 'HTML elements';

/**
 * A page nests blocks, spans or HTML past their limit: the page's fault, not a bug. The renderer
 * reports it as a located error; any other error from the parser is a bug.
 */
export class NestingTooDeep extends Error {
  readonly limit: number;
  constructor(readonly what: Nesting) {
    const limit = LIMITS[what];
    super(`Markdown ${what} nested more than ${limit} deep`);
    this.name = 'NestingTooDeep';
    this.limit = limit;
  }
}

/**
 * A footnote definition (kramdown's @footnotes values): its content; until first referenced, the
 * end-of-block marker that holds an IAL written after it; then that marker's attributes and
 * options, and the markers that refer to it.
 */
export interface FootnoteData {
  content: Element;
  eob?: Element;
  attr?: Record<string, string>;
  options?: Element['options'];
  markers?: Element[];
}

/**
 * A link definition: url, title and (kramdown ≥ 2.4) the definition's `eob` element, on which an
 * IAL written after the definition lands (its `options.ial` is read when a link uses it).
 */
export type LinkDefinition = [url: string, title: string | undefined, eob?: Element];

/** The rules of a parser other than GFM's (a subclass of kramdown's parser, in Ruby). */
export interface Dialect {
  blockRules: readonly Rule[];
  spanRules: readonly Rule[];
}

interface Env {
  src: Scanner;
  tree: Element;
  blockIal: Ial | undefined;
  stack: unknown[];
  textType: TextType;
}

export class Parser {
  readonly root: Element;
  /** kramdown's warnings so far (rules that skip a parse repeat a stretch of it). */
  readonly warningLog = new WarningLog();
  /** Look-aheads that reached the end of their text without closing (see look-ahead.ts). */
  private readonly lookAheads = new LookAheads(this.warningLog);
  /** Where links' texts close, from the links around them (link-closings.ts). */
  readonly linkClosings = new LinkClosings(this.warningLog);
  /** Counts `{::options}` changes: a look-ahead repeats another only under the same options. */
  optionsVersion = 0;
  src!: Scanner;
  tree!: Element;
  blockIal: Ial | undefined;
  stack: unknown[] = [];
  textType: TextType = 'raw_text';

  /** Attribute list definitions `{:name: …}` by name. */
  readonly alds: Record<string, Ial> = {};
  readonly footnotes = new Map<string, FootnoteData>();
  /** By normalised id (lower case, whitespace runs as one space). */
  readonly linkDefs = new Map<string, LinkDefinition>();

  readonly blockRules: readonly Rule[];
  readonly spanRules: readonly Rule[];
  private spanStart: RegExp;

  /** GFM: where a paragraph ends (PARAGRAPH_END or, with the paragraph_end quirk, PARAGRAPH_END_GFM). */
  paragraphEnd: RegExp;
  /** GFM: how many headers already took each generated id. */
  readonly idCounter = new Map<string, number>();
  /** GFM: a text holding this becomes text and `br` elements ("\\\n", or "\n" with hard_wrap). */
  readonly hardLineBreak: string;

  /** The options for this document: `{::options}` changes them from where it stands. */
  readonly options: KramdownOptions;

  /** Whether this is GFM's parser (`input: GFM`): its steps run after parsing (kramdown-parser-gfm's parse). */
  private readonly gfm: boolean;
  /** How many `parseBlocks`, `parseSpans` and raw HTML elements are under way, one in another. */
  private readonly depth: Record<Nesting, number> = { blocks: 0, spans: 0, 'HTML elements': 0 };

  /** `dialect` replaces GFM's rule table (Jekyll's SmartyPants parser is kramdown's with other rules). */
  constructor(options: KramdownOptions, dialect?: Dialect) {
    // A copy: {::options} changes it. GFM always strips header ids to their text (its initialize).
    this.gfm = dialect === undefined && isGfm(options);
    this.options = this.gfm ? { ...options, auto_id_stripping: true } : { ...options };
    this.root = new Element('root', undefined, undefined, {
      location: 1,
      options: {},
      abbrev_defs: {},
      abbrev_attr: {},
    });
    for (const [id, definition] of Object.entries(options.link_defs ?? {})) {
      this.linkDefs.set(normalizeLinkId(id), [definition[0], definition[1]]);
    }
    this.blockRules = dialect?.blockRules ?? blockRules(options);
    this.spanRules = dialect?.spanRules ?? spanRules(options);
    this.spanStart = this.spanStartOf(this.spanRules);
    this.paragraphEnd = paragraphEndFor(this.options, this.gfm);
    this.hardLineBreak = options.hard_wrap ? '\n' : '\\\n';
    this.resetEnv();
  }

  /** Parses `source` into `this.root` (kramdown's Parser::Kramdown#parse and GFM#parse). */
  parse(source: string): Element {
    this.parseBlocks(this.root, adaptSource(source));
    this.updateTree(this.root);
    correctAbbreviationsAttributes(this);
    replaceAbbreviations(this, this.root);
    for (const data of this.footnotes.values()) {
      this.updateTree(data.content);
      replaceAbbreviations(this, data.content);
    }
    let footnoteCount = 0;
    for (const [name, data] of this.footnotes) {
      if (data.markers) {
        footnoteCount++;
        continue;
      }
      const line = data.content.options.location;
      this.warning(`Footnote definition for '${name}' on line ${line} is unreferenced - ignoring`);
    }
    this.root.options.footnote_count = footnoteCount;
    if (this.gfm) updateElements(this, this.root);
    return this.root;
  }

  /** One level deeper: throws NestingTooDeep past the limit. */
  enter(what: Nesting): void {
    if (this.depth[what] >= LIMITS[what]) throw new NestingTooDeep(what);
    this.depth[what]++;
  }

  leave(what: Nesting): void {
    this.depth[what]--;
  }

  /** `text` may be made when the warnings are read (one as long as the page, in a page of nested links). */
  warning(text: string | (() => string)): void {
    this.warningLog.add(text);
  }

  /** kramdown's warnings in its order, each as often as kramdown gives it. */
  get warnings(): string[] {
    return this.warningLog.list();
  }

  /** Each distinct warning once with how often kramdown gives it (linear in the page, unlike `warnings`). */
  warningCounts(): Map<string, number> {
    return this.warningLog.counts();
  }

  /** `warningCounts`, its long warnings made up to `budget` characters, the rest counted as `more`. */
  warningTally(budget: number): { counts: Map<string, number>; more: number } {
    return this.warningLog.tally(budget);
  }

  /**
   * Parses `text` (or what is left of the current source) as blocks into `el`. Returns the status
   * a rule stopped it with, if one did (kramdown's `catch(:stop_block_parsing)`).
   */
  parseBlocks(el: Element, text?: string): unknown {
    this.enter('blocks');
    this.stack.push([this.tree, this.src, this.blockIal]);
    this.tree = el;
    this.blockIal = undefined;
    if (text !== undefined) this.src = new Scanner(text, el.options.location ?? 1);
    let status: unknown;
    try {
      while (!this.src.eos()) {
        let handled = false;
        const lineStart = firstAfterSpaces(this.src.rest());
        for (const rule of this.blockRules) {
          if (rule.lineStarts !== undefined && !rule.lineStarts.includes(lineStart)) continue;
          if (this.src.check(rule.start) !== null && rule.parse(this) !== false) {
            handled = true;
            break;
          }
        }
        if (!handled) {
          this.warning('Warning: this should not occur - no block parser handled the line');
          this.addText(this.src.scan(/.*\n/) ?? this.src.getch());
        }
      }
    } catch (stop) {
      if (!(stop instanceof StopBlockParsing)) throw stop;
      status = stop.status;
    }
    this.leave('blocks');
    const [tree, src, blockIal] = this.stack.pop() as [Element, Scanner, Ial | undefined];
    this.tree = tree;
    this.src = src;
    this.blockIal = blockIal;
    return status;
  }

  /**
   * Parses the current source as spans into `el`, up to `stopRe` if given (then `onStop` may say
   * the stop is not real by returning false). `rules` narrows the span rules (kramdown passes a
   * list of names; here the rule objects). Returns whether `stopRe` was found. An opener's parse
   * ahead for its closing names itself as `lookAhead`: it stops early when it cannot close.
   */
  parseSpans(
    el: Element,
    stopRe?: RegExp,
    rules?: readonly Rule[],
    textType: TextType = this.textType,
    onStop?: () => boolean,
    lookAhead?: LookAhead,
  ): boolean {
    this.enter('spans');
    if (this.tree) this.stack.push([this.tree, this.textType]);
    this.tree = el;
    this.textType = textType;
    const trail =
      lookAhead &&
      this.lookAheads.follow(lookAhead, this.src, el, this.surroundings(), () => this.optionsVersion);
    const active = rules ?? this.spanRules;
    const spanStart = rules ? this.spanStartOf(rules) : this.spanStart;
    const until = stopRe ? this.untilEither(stopRe, spanStart) : spanStart;
    let stopFound = false;
    while (!this.src.eos() && !stopFound) {
      const before = this.src.scanUntil(until);
      if (before === null) {
        if (!stopRe) {
          this.addText(this.src.rest());
          this.src.terminate();
        }
        break;
      }
      this.addText(before);
      if (trail?.reached(this.src.pos)) {
        this.src.terminate();
        break;
      }
      if (stopRe && this.src.check(stopRe) !== null) stopFound = onStop ? onStop() : true;
      let processed = false;
      if (!stopFound) {
        const char = this.src.string[this.src.pos] as string;
        for (const rule of active) {
          if (rule.startChars !== undefined && !rule.startChars.includes(char)) continue;
          if (this.src.check(rule.start) !== null) {
            rule.parse(this);
            processed = true;
            break;
          }
        }
      }
      if (!processed && !stopFound) this.addText(this.src.getch());
    }
    trail?.end(stopFound);
    this.leave('spans');
    // An empty stack (spans parsed right after resetEnv) leaves no tree, as kramdown's pop of nil.
    const [tree, type] = (this.stack.pop() ?? [undefined, undefined]) as [Element, TextType];
    this.tree = tree;
    this.textType = type;
    return stopFound;
  }

  /**
   * What decides how spans parse here besides the text: which of em, strong and links are open
   * (the rules that would open one again take it as text), the text type and the options.
   */
  surroundings(inside?: ElementType): string {
    // `inside`: for spans about to be parsed in a new element of that type, here.
    let open = (OPEN_BITS[this.tree.type] ?? 0) | (inside ? (OPEN_BITS[inside] ?? 0) : 0);
    for (const entry of this.stack) {
      const type = (entry as [Element | undefined])[0]?.type;
      if (type !== undefined) open |= OPEN_BITS[type] ?? 0;
    }
    return `${open}|${this.textType}|${this.optionsVersion}`;
  }

  /** Turns `raw_text` children into spans, drops `eob`s, merges blanks, applies IALs (kramdown's update_tree). */
  updateTree(element: Element): void {
    let lastBlank: Element | undefined;
    const children: Element[] = [];
    for (const child of element.children) {
      if (child.type === 'raw_text') {
        lastBlank = undefined;
        this.resetEnv({ src: new Scanner(child.text, element.options.location ?? 1), textType: 'text' });
        this.parseSpans(child);
        children.push(...child.children);
      } else if (child.type === 'eob') {
        // Kept on the marker: a link, abbreviation or footnote definition reads them from there.
        if (child.options.ial) this.updateAttrWithIal(child.attr, child.options.ial);
      } else if (child.type === 'blank') {
        if (lastBlank) {
          lastBlank.value = lastBlank.text + child.text;
        } else {
          lastBlank = child;
          children.push(child);
        }
      } else {
        lastBlank = undefined;
        this.updateTree(child);
        if (child.options.ial) this.updateAttrWithIal(child.attr, child.options.ial);
        if (child.type === 'dt' || (child.type === 'header' && this.options.auto_id_stripping)) {
          this.updateRawText(child);
        }
        children.push(child);
      }
    }
    // An exact-size copy: arrays grown by push keep room for 16 more, and a big page has a million.
    element.children = children.length === 0 ? children : children.slice();
  }

  /** Applies an IAL (and the ALDs it refers to) to `attr` (kramdown's update_attr_with_ial). */
  updateAttrWithIal(attr: Record<string, string>, ial: Ial): void {
    for (const ref of ial.refs ?? []) {
      const ald = this.alds[ref];
      if (ald) this.updateAttrWithIal(attr, ald);
    }
    for (const [key, value] of Object.entries(ial)) {
      if (key === 'refs' || typeof value !== 'string') continue;
      attr[key] = key === 'class' ? `${attr[key] ?? ''} ${value}`.trimStart() : value;
    }
  }

  /** The text of an element for its id (GFM's update_raw_text: code, math, entities and quotes as characters). */
  updateRawText(item: Element): void {
    item.options.raw_text = this.gfm ? rawTextOf(item) : textOf(item);
  }

  /** A block element that takes the pending block IAL (kramdown's new_block_el). */
  newBlockEl(
    type: ElementType,
    value?: unknown,
    attr?: Record<string, string>,
    options?: Element['options'],
  ): Element {
    const el = new Element(type, value, attr, options);
    if (this.blockIal) {
      el.options.ial = this.blockIal;
      this.blockIal = undefined;
    }
    return el;
  }

  /** Appends text to the last child when it is text of the same type, else as a new element (kramdown's add_text). */
  addText(text: string, tree: Element = this.tree, type: TextType = this.textType): void {
    const last = tree.children[tree.children.length - 1];
    if (last && last.type === type) {
      last.value = last.text + text;
    } else if (text !== '') {
      const location = last?.options.location ?? tree.options.location;
      tree.children.push(new Element(type, text, undefined, { location }));
    }
  }

  resetEnv(env: Partial<Env> = {}): void {
    this.src = env.src as Scanner;
    this.tree = env.tree as Element;
    this.blockIal = env.blockIal;
    this.stack = env.stack ?? [];
    this.textType = env.textType ?? 'raw_text';
  }

  saveEnv(): Env {
    return {
      src: this.src,
      tree: this.tree,
      blockIal: this.blockIal,
      stack: this.stack,
      textType: this.textType,
    };
  }

  restoreEnv(env: Env): void {
    this.src = env.src;
    this.tree = env.tree;
    this.blockIal = env.blockIal;
    this.stack = env.stack;
    this.textType = env.textType;
  }

  /** The regexp that finds where any of `rules` may start (kramdown's span_parser_regexps). */
  spanStartOf(rules: readonly Rule[]): RegExp {
    const source = rules.map((rule) => rule.spanStart ?? rule.start.source).join('|');
    let re = spanStarts.get(source);
    if (!re) {
      re = new RegExp(`(?=${source})`, 'u');
      spanStarts.set(source, re);
    }
    return re;
  }

  /** Where `stopRe` or a span may start (kramdown's span_pattern_cache[stop_re][span_start]). */
  private untilEither(stopRe: RegExp, spanStart: RegExp): RegExp {
    let byStart = untilEithers.get(stopRe);
    if (!byStart) {
      byStart = new Map();
      untilEithers.set(stopRe, byStart);
    }
    let re = byStart.get(spanStart);
    if (!re) {
      const start = spanStart.source.slice(3, -1); // (?=…)
      re = new RegExp(`(?=(?:${stopRe.source})|(?:${start}))`, mergeFlags(stopRe.flags, spanStart.flags));
      byStart.set(spanStart, re);
    }
    return re;
  }
}

/** The spans that rules refuse to open inside themselves, one bit each (see surroundings). */
const OPEN_BITS: Partial<Record<ElementType, number>> = { em: 1, strong: 2, a: 4, img: 8 };

/**
 * Compiled once for all documents (a site converts thousands): span-start regexps by their
 * source, and the stop-or-span-start ones by stop and span start.
 */
const spanStarts = new Map<string, RegExp>();
const untilEithers = new WeakMap<RegExp, Map<RegExp, RegExp>>();

/** The text elements' text under `el`, in order (kramdown's own update_raw_text). */
function textOf(el: Element): string {
  return el.type === 'text' ? el.text : el.children.map(textOf).join('');
}

/** UTF-8 text with Unix line ends, ending in exactly one newline (kramdown's adapt_source). */
export function adaptSource(source: string): string {
  const text = source.replace(/\r\n?/g, '\n');
  return `${text.endsWith('\n') ? text.slice(0, -1) : text}\n`;
}

function mergeFlags(a: string, b: string): string {
  return [...new Set(`${a}${b}`.replace(/[gy]/g, ''))].join('');
}
