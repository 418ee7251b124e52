/**
 * kramdown's options (Kramdown::Options, plus kramdown-parser-gfm's), as Jekyll passes them: the
 * `kramdown:` settings of `_config.yml` over Jekyll's defaults, validated as kramdown validates
 * them. Names stay kramdown's snake_case, as users write them.
 */
export interface KramdownOptions {
  input: string;
  auto_ids: boolean;
  auto_id_stripping: boolean;
  auto_id_prefix: string;
  transliterated_header_ids: boolean;
  parse_block_html: boolean;
  parse_span_html: boolean;
  html_to_native: boolean;
  /** Link id (normalised) → [url, title]. */
  link_defs: Record<string, [string, string | undefined]>;
  footnote_nr: number;
  entity_output: 'as_char' | 'as_input' | 'numeric' | 'symbolic';
  toc_levels: number[];
  /** lsquo, rsquo, ldquo, rdquo: entity names or code points. */
  smart_quotes: Array<string | number>;
  typographic_symbols: Record<string, string>;
  remove_block_html_tags: boolean;
  remove_span_html_tags: boolean;
  header_offset: number;
  syntax_highlighter: string | null;
  syntax_highlighter_opts: Record<string, unknown>;
  math_engine: string | null;
  math_engine_opts: Record<string, unknown>;
  footnote_backlink: string;
  footnote_backlink_inline: boolean;
  footnote_prefix: string;
  remove_line_breaks_for_cjk: boolean;
  forbidden_inline_options: string[];
  list_indent: number;
  // kramdown-parser-gfm
  hard_wrap: boolean;
  gfm_quirks: string[];
  gfm_emojis: boolean;
  // Jekyll's own
  guess_lang: boolean;
  show_warnings: boolean;
}
