/**
 * kramdown's extensions (parser/kramdown/extensions.rb): attribute list definitions `{:name: …}`,
 * block and span IALs `{: #id .class key="value"}`, and the `{::comment}`, `{::nomarkdown}` and
 * `{::options … /}` extensions.
 */
import { parseOption } from '../../converter/options.ts';
import { Element, type Ial } from '../../element.ts';
import type { Parser } from '../parser.ts';
import { BOL, rubySplit, rx, S, strip, TEXT_END_NL, TEXT_START } from '../ruby.ts';
import type { Rule } from '../rules.ts';

export const OPT_SPACE = ' {0,3}';
export const ALD_ANY_CHARS = '(?:\\\\\\}|[^}])';
export const ALD_ID_NAME = '(?:[A-Za-z0-9_][A-Za-z0-9_-]*)';
const ALD_CLASS_NAME = `[^${' \\t\\n\\v\\f\\r'}.#]+`;
// `[^\}\2]` in Ruby is "neither } nor \x02" (an octal escape inside a class), not a back reference.
const ALD_TYPE_KEY_VALUE_PAIR = `(${ALD_ID_NAME})=("|')((?:\\\\\\}|\\\\\\2|[^}\\x02])*?)\\2`;
const ALD_TYPE_CLASS_NAME = `\\.(${ALD_CLASS_NAME})`;
const ALD_TYPE_ID_NAME = '#([A-Za-z][A-Za-z0-9_:-]*)';
const ALD_TYPE_ID_OR_CLASS = rx(`${ALD_TYPE_ID_NAME}|${ALD_TYPE_CLASS_NAME}`, 'g');
const ALD_TYPE_ID_OR_CLASS_MULTI = `((?:${ALD_TYPE_ID_NAME}|${ALD_TYPE_CLASS_NAME})+)`;
const ALD_TYPE_REF = `(${ALD_ID_NAME})`;
const ALD_TYPE_ANY = rx(
  `(?:${TEXT_START}|${S})(?:${ALD_TYPE_KEY_VALUE_PAIR}|${ALD_TYPE_REF}|${ALD_TYPE_ID_OR_CLASS_MULTI})(?=${S}|${TEXT_END_NL})`,
  'g',
);
const ALD_START = rx(`${BOL}${OPT_SPACE}\\{:(${ALD_ID_NAME}):(${ALD_ANY_CHARS}+)\\}${S}*?\\n`);

const EXT_START_STR = `\\{::(\\w+)(?:${S}(${ALD_ANY_CHARS}*?)|)(\\/)?\\}`;
const extStopStr = (name: string): string => `\\{:/(${name})?\\}`;
const EXT_BLOCK_START = rx(`${BOL}${OPT_SPACE}(?:${EXT_START_STR}|${extStopStr(ALD_ID_NAME)})${S}*?\\n`);
// Ruby's "\s" in a double-quoted string is a space, so only spaces may follow a block stop tag.
const extBlockStopStr = (name: string): string => `${BOL}${OPT_SPACE}${extStopStr(name)} *?\\n`;
const EXT_SPAN_START = rx(`${EXT_START_STR}|${extStopStr(ALD_ID_NAME)}`);

export const IAL_BLOCK = `\\{:(?!:|\\/)(${ALD_ANY_CHARS}+)\\}${S}*?\\n`;
export const IAL_BLOCK_START_SOURCE = `${BOL}${OPT_SPACE}${IAL_BLOCK}`;
const IAL_BLOCK_START = rx(IAL_BLOCK_START_SOURCE);
const IAL_SPAN_START = rx(`\\{:(${ALD_ANY_CHARS}+)\\}`);

/** Adds the attributes written in `text` to `ial` (kramdown's parse_attribute_list). */
export function parseAttributeList(p: Parser, text: string, ial: Ial): void {
  const stripped = strip(text);
  if (stripped === '' || stripped === ':') return;
  let found = false;
  for (const m of text.matchAll(ALD_TYPE_ANY)) {
    found = true;
    const [, key, separator, value, ref, idAndOrClass] = m;
    if (ref !== undefined) {
      ial.refs = [...(ial.refs ?? []), ref];
    } else if (idAndOrClass !== undefined) {
      for (const [, id, className] of idAndOrClass.matchAll(ALD_TYPE_ID_OR_CLASS)) {
        if (className !== undefined) ial.class = `${ial.class ?? ''} ${className}`.trimStart();
        else ial.id = id;
      }
    } else if (key !== undefined && value !== undefined) {
      ial[key] = value.replace(unescapeOf(separator ?? '"'), '$1');
    }
  }
  if (!found) p.warning(`No or invalid attributes found in IAL/ALD content: ${text}`);
}

const UNESCAPE_DOUBLE = /\\(\}|")/g;
const UNESCAPE_SINGLE = /\\(\}|')/g;
function unescapeOf(separator: string): RegExp {
  return separator === '"' ? UNESCAPE_DOUBLE : UNESCAPE_SINGLE;
}

/** The IAL of `el`, made empty if it has none yet (kramdown's `el.options[:ial] ||= {}`). */
export function ialOf(el: Element): Ial {
  el.options.ial ??= {};
  return el.options.ial;
}

/** Adds the IAL `attributes` to `ial` (kramdown's update_ial_with_ial). */
function updateIalWithIal(ial: Ial, attributes: Ial): void {
  if (attributes.refs) ial.refs = [...(ial.refs ?? []), ...attributes.refs];
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'refs' || typeof value !== 'string') continue;
    ial[key] = key === 'class' ? `${(ial.class as string | undefined) ?? ''} ${value}`.trimStart() : value;
  }
}

export const blockExtensions: Rule = {
  name: 'block_extensions',
  lineStarts: '{',
  start: rx(`${BOL}${OPT_SPACE}\\{:`),
  parse(p) {
    const src = p.src;
    if (src.scan(ALD_START) !== null) {
      const name = src.group(1) as string;
      const ald = p.alds[name] ?? {};
      p.alds[name] = ald;
      parseAttributeList(p, src.group(2) as string, ald);
      p.tree.children.push(p.newBlockEl('eob', 'ald'));
      return true;
    }
    if (src.check(EXT_BLOCK_START) !== null) return parseExtensionStartTag(p, 'block');
    if (src.scan(IAL_BLOCK_START) !== null) {
      const text = src.group(1) as string;
      const last = p.tree.children[p.tree.children.length - 1];
      if (
        last &&
        last.type !== 'blank' &&
        (last.type !== 'eob' ||
          last.value === 'link_def' ||
          last.value === 'abbrev_def' ||
          last.value === 'footnote_def')
      ) {
        parseAttributeList(p, text, ialOf(last));
        if (src.check(IAL_BLOCK_START) === null) p.tree.children.push(p.newBlockEl('eob', 'ial'));
      } else {
        p.blockIal ??= {};
        parseAttributeList(p, text, p.blockIal);
      }
      return true;
    }
    return false;
  },
};

export const spanExtensions: Rule = {
  name: 'span_extensions',
  start: /\{:/u,
  spanStart: '\\{:',
  startChars: '{',
  parse(p) {
    const src = p.src;
    if (src.check(EXT_SPAN_START) !== null) return parseExtensionStartTag(p, 'span');
    if (src.check(IAL_SPAN_START) !== null) {
      const last = p.tree.children[p.tree.children.length - 1];
      if (last && last.type !== 'text') {
        src.setPos(src.pos + src.matched.length);
        const attributes: Ial = {};
        parseAttributeList(p, src.group(1) as string, attributes);
        updateIalWithIal(ialOf(last), attributes);
        p.updateAttrWithIal(last.attr, attributes);
      } else {
        p.warning('Found span IAL after text - ignoring it');
        p.addText(src.getch());
      }
      return true;
    }
    p.addText(src.getch());
    return true;
  },
};

type Category = 'block' | 'span';

/** Parses `{::name …}…{:/name}` or `{::name … /}` at the pointer (kramdown's parse_extension_start_tag). */
function parseExtensionStartTag(p: Parser, type: Category): boolean {
  const src = p.src;
  const saved = src.savePos();
  const line = src.currentLineNumber();
  const [matched, name, attributes, selfClosing, stopName] = [
    src.matched,
    src.group(1),
    src.group(2),
    src.group(3),
    src.group(4),
  ];
  src.setPos(src.pos + matched.length);

  const fail = (message: string): false => {
    p.warning(message);
    src.revertPos(saved);
    if (type === 'span') p.addText(src.getch());
    return false;
  };

  if (stopName !== undefined || matched === '{:/}') {
    const what = stopName !== undefined ? `for '${stopName}' ` : '';
    return fail(`Invalid extension stop tag ${what} found on line ${line} - ignoring it`);
  }
  const options: Ial = {};
  parseAttributeList(p, attributes ?? '', options);
  let body: string | undefined;
  if (selfClosing === undefined) {
    const stop = stopRegExp(type, name ?? '');
    const result = src.scanUntil(stop);
    if (result === null) {
      return fail(`No stop tag for extension '${name ?? ''}' found on line ${line} - ignoring it`);
    }
    body = result.slice(0, result.length - src.matched.length);
    if (type === 'block' && body.endsWith('\n')) body = body.slice(0, -1);
  }
  if (!handleExtension(p, name, options, body, type, line)) {
    return fail(`Invalid extension with name '${name ?? ''}' specified on line ${line} - ignoring it`);
  }
  return true;
}

const stopRegExps = new Map<string, RegExp>();
function stopRegExp(type: Category, name: string): RegExp {
  const key = `${type}:${name}`;
  let re = stopRegExps.get(key);
  if (!re) {
    re = rx(type === 'block' ? extBlockStopStr(name) : extStopStr(name));
    stopRegExps.set(key, re);
  }
  return re;
}

function handleExtension(
  p: Parser,
  name: string | undefined,
  options: Ial,
  body: string | undefined,
  type: Category,
  line: number,
): boolean {
  switch (name) {
    case 'comment':
      if (body !== undefined) {
        p.tree.children.push(new Element('comment', body, undefined, { category: type, location: line }));
      }
      return true;
    case 'nomarkdown':
      if (body !== undefined) {
        const formats = rubySplit(String(options.type ?? ''), /[ \t\n\v\f\r]+/);
        p.tree.children.push(
          new Element('raw', body, undefined, { category: type, location: line, type: formats }),
        );
      }
      return true;
    case 'options':
      setInlineOptions(p, options);
      if (type === 'block') p.tree.children.push(p.newBlockEl('eob', 'extension'));
      return true;
    default:
      return false;
  }
}

/** `{::options key="value" /}`: sets kramdown options from here on, and for the converter. */
function setInlineOptions(p: Parser, options: Ial): void {
  for (const [key, value] of Object.entries(options)) {
    if (key === 'refs' || typeof value !== 'string') continue;
    if (!KRAMDOWN_OPTION_NAMES.has(key)) {
      p.warning(`Unknown kramdown option '${key}'`);
      continue;
    }
    if (p.options.forbidden_inline_options.includes(key) || key === 'forbidden_inline_options') {
      p.warning(`Option ${key} may not be set inline`);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = parseOption(key, value);
    } catch {
      continue; // kramdown ignores a value it cannot read, silently
    }
    (p.options as unknown as Record<string, unknown>)[key] = parsed;
    p.optionsVersion++;
    p.root.options.options ??= {};
    (p.root.options.options as Record<string, unknown>)[key] = parsed;
  }
}

/** Every option kramdown 2.4 with kramdown-parser-gfm 1.1 defines (Kramdown::Options.defined?). */
const KRAMDOWN_OPTION_NAMES = new Set(
  [
    'template auto_ids auto_id_stripping auto_id_prefix transliterated_header_ids parse_block_html',
    'parse_span_html html_to_native link_defs footnote_nr entity_output toc_levels line_width',
    'latex_headers smart_quotes typographic_symbols remove_block_html_tags remove_span_html_tags',
    'header_offset syntax_highlighter syntax_highlighter_opts math_engine math_engine_opts',
    'footnote_backlink footnote_backlink_inline footnote_prefix remove_line_breaks_for_cjk',
    'forbidden_inline_options list_indent hard_wrap gfm_quirks',
  ]
    .join(' ')
    .split(' '),
);
