/** Jekyll's `Utils.slugify`: used for URLs (`:title`, `:slug`) and the `slugify` filter. */
const MODES: Record<string, RegExp> = {
  // Ruby's `\s`: ASCII whitespace only.
  raw: /[ \t\n\v\f\r]+/g,
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
  ascii: /[^A-Za-z0-9]+/g,
  latin: /[^A-Za-z0-9]+/g,
};

export function slugify(input: unknown, mode = 'default', cased = false): string | undefined {
  if (input == null) return undefined;
  let text = String(input);
  const pattern = MODES[mode];
  if (!pattern) return cased ? text : text.toLowerCase();
  // I18n.transliterate: drop accent marks; anything else non-ASCII becomes `?`.
  if (mode === 'latin')
    text = text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^ -~\t\n\r]/g, '?');
  let slug = text.replace(pattern, '-').replace(/^-|-$/g, '');
  if (!cased) slug = slug.toLowerCase();
  return slug;
}
