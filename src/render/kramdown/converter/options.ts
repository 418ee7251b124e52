/**
 * The options a conversion runs with: kramdown's defaults, then Jekyll's (Jekyll's
 * `Configuration::DEFAULTS["kramdown"]` and what its KramdownParser sets), then the site's
 * `kramdown:` settings, read as kramdown's option validators read them.
 */
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

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim());
  return String(value)
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function tocLevels(value: unknown): number[] {
  if (Array.isArray(value)) return [...new Set(value.map(Number))];
  const text = String(value);
  const range = /^(\d)\.\.(\d)$/.exec(text);
  if (range) {
    const levels: number[] = [];
    for (let i = Number(range[1]); i <= Number(range[2]); i++) levels.push(i);
    return levels;
  }
  return [...new Set(text.split(',').map(Number))];
}

/** `config`: the site's `kramdown:` mapping (keys as written in `_config.yml`). */
export function resolveOptions(config: Record<string, unknown> = {}): KramdownOptions {
  const options: KramdownOptions = { ...KRAMDOWN_DEFAULTS };
  const target = options as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined || value === null) continue;
    switch (key) {
      case 'toc_levels':
        options.toc_levels = tocLevels(value);
        break;
      case 'smart_quotes':
        options.smart_quotes = list(value).map((v) => (/^\d+$/.test(v) ? Number(v) : v));
        break;
      case 'gfm_quirks':
        options.gfm_quirks = list(value);
        break;
      case 'syntax_highlighter_opts':
        options.syntax_highlighter_opts = { ...options.syntax_highlighter_opts, ...(value as object) };
        break;
      default:
        target[key] = value;
    }
  }
  // Jekyll's KramdownParser#setup: Rouge guesses as the top-level guess_lang says.
  options.syntax_highlighter_opts = {
    ...options.syntax_highlighter_opts,
    default_lang: options.syntax_highlighter_opts.default_lang || 'plaintext',
    guess_lang: options.guess_lang,
  };
  return options;
}
