/**
 * The options a conversion runs with: kramdown's defaults, then Jekyll's (Jekyll's
 * `Configuration::DEFAULTS["kramdown"]` and what its KramdownParser sets), then the site's
 * `kramdown:` settings, read as kramdown's option validators read them.
 */
import { parse as parseYaml } from 'yaml';
import { SiteError } from '../../../errors.ts';
import type { KramdownOptions } from '../options.ts';

export const KRAMDOWN_DEFAULTS: KramdownOptions = {
  input: 'GFM',
  auto_ids: true,
  auto_id_stripping: false,
  auto_id_prefix: '',
  transliterated_header_ids: false,
  parse_block_html: false,
  parse_span_html: true,
  html_to_native: false,
  link_defs: {},
  footnote_nr: 1,
  entity_output: 'as_char',
  toc_levels: [1, 2, 3, 4, 5, 6],
  smart_quotes: ['lsquo', 'rsquo', 'ldquo', 'rdquo'],
  typographic_symbols: {},
  remove_block_html_tags: true,
  remove_span_html_tags: false,
  header_offset: 0,
  syntax_highlighter: 'rouge',
  syntax_highlighter_opts: { default_lang: 'plaintext', guess_lang: true },
  math_engine: 'mathjax',
  math_engine_opts: {},
  footnote_backlink: '&#8617;',
  footnote_backlink_inline: false,
  footnote_prefix: '',
  remove_line_breaks_for_cjk: false,
  forbidden_inline_options: ['template'],
  list_indent: 2,
  hard_wrap: false,
  gfm_quirks: ['paragraph_end'],
  gfm_emojis: false,
  guess_lang: true,
  show_warnings: false,
};

type Kind = 'boolean' | 'integer' | 'string' | 'symbol';

/** How kramdown reads each typed option given as something else (Options.parse); the rest have validators below. */
const KINDS: Record<string, Kind> = {
  template: 'string',
  auto_ids: 'boolean',
  auto_id_stripping: 'boolean',
  auto_id_prefix: 'string',
  transliterated_header_ids: 'boolean',
  parse_block_html: 'boolean',
  parse_span_html: 'boolean',
  html_to_native: 'boolean',
  footnote_nr: 'integer',
  entity_output: 'symbol',
  line_width: 'integer',
  remove_block_html_tags: 'boolean',
  remove_span_html_tags: 'boolean',
  header_offset: 'integer',
  syntax_highlighter: 'symbol',
  math_engine: 'symbol',
  footnote_backlink: 'string',
  footnote_backlink_inline: 'boolean',
  footnote_prefix: 'string',
  remove_line_breaks_for_cjk: 'boolean',
  list_indent: 'integer',
  hard_wrap: 'boolean',
};

/** A setting kramdown refuses: Jekyll stops with kramdown's message, so do we, saying where. */
function invalid(message: string): SiteError {
  return new SiteError({
    message: `kramdown: ${message}`,
    file: '_config.yml',
    hint: "Correct that setting under 'kramdown:' (kramdown's documentation lists each option's values).",
  });
}

/** Ruby's to_s of a YAML value. */
function rubyText(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

/** kramdown's str_to_sym: leading `:` dropped; empty or `nil` is nil. */
function symbol(text: string): string | null {
  let name = text.trim();
  if (name.startsWith(':')) name = name.slice(1);
  return name === '' || name === 'nil' ? null : name;
}

function typed(name: string, kind: Kind, value: unknown): unknown {
  switch (kind) {
    case 'boolean':
      return typeof value === 'boolean'
        ? value
        : rubyText(value).toLowerCase().trim() !== 'false' && rubyText(value) !== '';
    case 'integer': {
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      const text = rubyText(value);
      if (!/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(text))
        throw invalid(`Invalid integer value for option '${name}': '${text}'`);
      return Number(text.replace(/_/g, ''));
    }
    case 'string':
      return rubyText(value);
    case 'symbol':
      return symbol(rubyText(value));
  }
}

/** kramdown's simple_array_validator: a list, or a text split at commas (not trimmed). */
function list(name: string, value: unknown, size?: number): unknown[] {
  const items = typeof value === 'string' ? rubySplitAtCommas(value) : value;
  if (!Array.isArray(items)) throw invalid(`Invalid type for option ${name}`);
  if (size !== undefined && items.length !== size)
    throw invalid(`Option ${name} needs exactly ${size} values`);
  return items;
}

/** Ruby's String#split(/,/): trailing empty fields dropped. */
function rubySplitAtCommas(text: string): string[] {
  const fields = text.split(',');
  while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

/** kramdown's simple_hash_validator (a text is read as YAML), with keys as kramdown's symbols. */
function hash(name: string, value: unknown): Record<string, unknown> {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = parseYaml(value);
    } catch {
      throw invalid(`Invalid YAML value for option ${name}`);
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalid(`Invalid type for option ${name}`);
  }
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [symbol(k) ?? '', v]));
}

function tocLevels(value: unknown): number[] {
  let levels: number[];
  if (typeof value === 'string') {
    const range = /^(\d)\.\.(\d)$/m.exec(value);
    if (range) {
      levels = [];
      for (let i = Number(range[1]); i <= Number(range[2]); i++) levels.push(i);
    } else if (/^\d(?:,\d)*$/m.test(value)) {
      levels = [...new Set(value.split(',').map(Number))];
    } else throw invalid('Invalid syntax for option toc_levels');
  } else if (Array.isArray(value)) {
    levels = [...new Set(value.map((v) => Number.parseInt(rubyText(v), 10) || 0))];
  } else throw invalid('Invalid type for option toc_levels');
  if (levels.some((level) => level < 1 || level > 6)) {
    throw invalid('Level numbers for option toc_levels have to be integers from 1 to 6');
  }
  return levels;
}

/** One setting as kramdown reads it (Options.parse and the option's validator). */
export function parseOption(name: string, value: unknown): unknown {
  const kind = KINDS[name];
  if (kind) return typed(name, kind, value);
  switch (name) {
    case 'toc_levels':
      return tocLevels(value);
    case 'smart_quotes':
      if (value === 'lsquo,rsquo,ldquo,rdquo') return KRAMDOWN_DEFAULTS.smart_quotes;
      // Ruby's Integer() takes surrounding spaces; a name is kept as written.
      return list(name, value, 4).map((v) => (/^\s*\d+\s*$/.test(rubyText(v)) ? Number(v) : rubyText(v)));
    case 'typographic_symbols':
      return Object.fromEntries(Object.entries(hash(name, value)).map(([k, v]) => [k, rubyText(v)]));
    case 'syntax_highlighter_opts':
    case 'math_engine_opts':
    case 'link_defs':
      return hash(name, value);
    case 'gfm_quirks':
      return list(name, value).map((v) => symbol(rubyText(v)));
    case 'forbidden_inline_options':
      return list(name, value).map((v) => (typeof v === 'string' ? symbol(v) : v));
    case 'show_warnings':
      // Jekyll's own setting, read as Ruby reads a condition: only `false` (or nil) is off.
      return value !== false;
    default:
      return value;
  }
}

/** `config`: the site's `kramdown:` mapping (keys as written in `_config.yml`). */
export function resolveOptions(config: Record<string, unknown> = {}): KramdownOptions {
  const options: KramdownOptions = { ...KRAMDOWN_DEFAULTS };
  const target = options as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(config)) {
    // Jekyll merges the site's mapping over its defaults; a key left empty keeps the default.
    if (value === undefined || value === null) continue;
    target[key] = parseOption(key, value);
  }
  // GitHub Pages sets these whatever the site says (GitHubPages::Configuration::OVERRIDES).
  options.math_engine = 'mathjax';
  options.syntax_highlighter = 'rouge';
  // Jekyll's KramdownParser#setup: Rouge's default language, and guessing as guess_lang says.
  options.syntax_highlighter_opts = {
    ...options.syntax_highlighter_opts,
    default_lang: options.syntax_highlighter_opts.default_lang || 'plaintext',
    guess_lang: options.guess_lang,
  };
  return options;
}
