/**
 * A BibTeX entry as a reader downloads or copies it: the site's own fields (pdf, code, slides,
 * keywords, abstract…) taken out, `@string` abbreviations spelled out, and fields inherited
 * through `crossref` written in, so that it stands alone in anyone's .bib file.
 */

/** Fields that steer the site, not the citation (al-folio's and academicpages' habits included). */
const SITE_FIELDS = new Set([
  'abstract',
  'keywords',
  'selected',
  'pdf',
  'code',
  'slides',
  'video',
  'poster',
  'project',
  'website',
  'html',
  'supp',
  'blog',
  'preview',
  'abbr',
  'file',
  'annotation',
  'bibtex_show',
  'dimensions',
  'altmetric',
  'award',
  'additional_info',
  'google_scholar_id',
  'equal',
  'corresponding',
  'crossref',
]);

/** BibTeX's month macros, January first. */
export const MONTH_MACROS: readonly string[] = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const MONTHS = new Set(MONTH_MACROS);

export interface RawEntry {
  type: string;
  key: string;
  /** Field name (lower case) → value as written (`{…}`, `"…"`, `2024`, `jes # " x"`). */
  fields: [string, string][];
}

/** Split an entry's text into its fields, braces and quotes respected. Undefined if it cannot. */
export function splitEntry(text: string): RawEntry | undefined {
  const head = /^@(\w+)\s*([{(])\s*([^,\s]*)\s*,/.exec(text);
  if (!head) return undefined;
  const close = head[2] === '{' ? '}' : ')';
  const fields: [string, string][] = [];
  let i = head[0].length;
  const skip = () => {
    while (i < text.length && /[\s,]/.test(text[i])) i++;
  };
  while (true) {
    skip();
    if (i >= text.length || text[i] === close) break;
    const name = /^[^=\s{}(),"#]+/.exec(text.slice(i))?.[0];
    if (!name) return undefined;
    i += name.length;
    while (/\s/.test(text[i] ?? '')) i++;
    if (text[i] !== '=') return undefined;
    i++;
    const start = i;
    while (i < text.length) {
      while (/\s/.test(text[i] ?? '')) i++;
      const c = text[i];
      if (c === '{' || c === '"') {
        let depth = 0;
        const quoted = c === '"';
        i++;
        while (i < text.length) {
          const d = text[i];
          if (d === '\\') i++;
          else if (d === '{') depth++;
          else if (d === '}' && depth > 0) depth--;
          else if (depth === 0 && (quoted ? d === '"' : d === '}')) break;
          i++;
        }
        i++;
      } else {
        while (i < text.length && !/[\s,#]/.test(text[i]) && text[i] !== close) i++;
      }
      while (/\s/.test(text[i] ?? '')) i++;
      if (text[i] === '#') i++;
      else break;
    }
    fields.push([name.toLowerCase(), text.slice(start, i).trim()]);
  }
  return { type: head[1].toLowerCase(), key: head[3], fields };
}

/** A bare word that is an `@string` becomes its text in braces (months stay: every style knows them). */
function spellOut(value: string, strings: Record<string, string>): string {
  return value
    .split(/\s*#\s*/)
    .map((part) => {
      if (/^[{"]/.test(part) || /^\d+$/.test(part) || MONTHS.has(part.toLowerCase())) return part;
      const text = strings[part.toUpperCase()] ?? strings[part];
      return text === undefined ? part : `{${text}}`;
    })
    .join(' # ');
}

export function cleanEntry(
  entry: RawEntry,
  options: { strings: Record<string, string>; parent?: RawEntry; inherited?: string[] },
): string {
  const fields = entry.fields.filter(([name]) => !SITE_FIELDS.has(name));
  const own = new Set(fields.map(([name]) => name));
  for (const name of options.inherited ?? []) {
    const value = options.parent?.fields.find(([parentName]) => parentName === name)?.[1];
    if (value !== undefined && !own.has(name) && !SITE_FIELDS.has(name)) fields.push([name, value]);
  }
  const width = Math.max(0, ...fields.map(([name]) => name.length));
  const lines = fields.map(
    ([name, value]) => `  ${name.padEnd(width)} = ${spellOut(value, options.strings)}`,
  );
  return `@${entry.type}{${entry.key},\n${lines.join(',\n')}\n}\n`;
}
