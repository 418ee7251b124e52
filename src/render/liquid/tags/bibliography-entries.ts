/**
 * Which publications a bibliography tag shows, in which order: the options of scholarsite's
 * `{% bibliography %}` (`year=2024 type=article limit=5`) and jekyll-scholar's (`--file papers
 * --query @article[year>=2020] --max 5`), with jekyll-scholar's `scholar:` settings (`sort_by`,
 * `order`, `group_by`, `bibliography`) as defaults.
 */
import type { Context } from 'liquidjs';

export type Entry = Record<string, unknown>;
export type Options = Record<string, unknown>;

export const text = (value: unknown) => (value == null ? '' : String(value));
const plain = (value: unknown) =>
  text(value)
    .replace(/<[^>]*>/g, '')
    .toLowerCase();

/** jekyll-scholar's long and short option names, as our option names. */
const SCHOLAR_OPTIONS: Record<string, string> = {
  file: 'file',
  f: 'file',
  query: 'query_bibtex',
  q: 'query_bibtex',
  max: 'limit',
  m: 'limit',
  limit: 'limit',
  offset: 'offset',
  o: 'offset',
  group_by: 'group_by',
  g: 'group_by',
  group_order: 'group_order',
  G: 'group_order',
};

/** What a tag was written with: `key=value` pairs and `--option value` pairs. */
export interface TagArguments {
  pairs: [string, string][];
  /** Words before the first option (the keys of `{% cite a b %}`). */
  words: string[];
}

export function parseArguments(markup: string): TagArguments {
  // `--query @*[year=2020]`: an option's value runs to the next option.
  const at = markup.search(/(?:^|\s)--?[A-Za-z_]+(?=\s|$)/);
  const head = at < 0 ? markup : markup.slice(0, at);
  const pairs: [string, string][] = [...head.matchAll(/(\w+)\s*[=:]\s*("[^"]*"|'[^']*'|[^\s,]+)/g)].map(
    (m) => [m[1], m[2]],
  );
  const words = head
    .replace(/(\w+)\s*[=:]\s*("[^"]*"|'[^']*'|[^\s,]+)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (at >= 0) {
    const rest = markup.slice(at);
    for (const m of rest.matchAll(
      /(?:^|\s)--?([A-Za-z_]+)(?=\s|$)((?:(?!\s--?[A-Za-z_]+(?:\s|$))[\s\S])*)/g,
    )) {
      const name = SCHOLAR_OPTIONS[m[1]];
      const value = m[2].trim();
      // Quoted as a string option (the quotes of `-q "@*[year=2020]"` too: both are dropped).
      if (name && value) pairs.push([name, `"${value.replace(/^(["'])(.*)\1$/s, '$2')}"`]);
    }
  }
  return { pairs, words };
}

/**
 * The options' values: `key="text"`, `key=2024`, `key=true`, or `key=name`: a variable when one
 * of that name is set, else the word itself (`group_by=type` as jekyll-scholar users write it).
 */
export function* optionValues(ctx: Context, pairs: [string, string][]): Generator<unknown, Options, unknown> {
  const options: Options = {};
  for (const [key, raw] of pairs) {
    if (/^["']/.test(raw)) options[key] = yield* interpolate(ctx, raw.slice(1, -1));
    else if (/^-?\d+$/.test(raw)) options[key] = Number(raw);
    else if (raw === 'true' || raw === 'false') options[key] = raw === 'true';
    else options[key] = ((yield ctx._get(raw.split('.'))) as unknown) ?? raw;
  }
  return options;
}

/** jekyll-scholar's `{{ name }}` in an option (`-q @*[year={{ y }}]`): the variable's value. */
function* interpolate(ctx: Context, value: string): Generator<unknown, string, unknown> {
  let out = '';
  let last = 0;
  for (const m of value.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)) {
    const found = (yield ctx._get(m[1].split('.'))) as unknown;
    out += value.slice(last, m.index) + (found == null ? m[0] : text(found));
    last = m.index + m[0].length;
  }
  return out + value.slice(last);
}

/** The entries to show, filtered, sorted and limited. */
export function selectEntries(all: Entry[], options: Options, scholar: Options): Entry[] {
  const files = bibFileTest(options.file ?? scholar.bibliography, options.file !== undefined);
  const query = options.query_bibtex == null ? undefined : bibtexQuery(text(options.query_bibtex));
  let entries = all.filter(
    (entry) => (!files || files(entry)) && (!query || query(entry)) && matches(entry, options),
  );
  const sortBy = options.sort_by ?? scholar.sort_by;
  if (options.sort == null && sortBy != null && text(sortBy) !== 'none') {
    entries = sortByFields(entries, listOf(sortBy), listOf(options.order ?? scholar.order ?? 'ascending'));
  } else if (options.sort == null && text(sortBy) === 'none') {
    // jekyll-scholar's `sort_by: none`: the order of the file.
  } else {
    entries.sort((a, b) => dateOf(b) - dateOf(a));
    if (options.sort === 'asc') entries.reverse();
  }
  const offset = Number(options.offset) || 0;
  const limit = Number(options.limit);
  return entries.slice(offset, limit > 0 ? offset + limit : undefined);
}

const listOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).flatMap((v) => text(v).split(/\s*,\s*/)).filter(Boolean);

/**
 * `--file papers` (or jekyll-scholar's `bibliography: papers.bib`, a glob with `*`): entries of
 * that `.bib` file. Without either, every publication.
 */
function bibFileTest(file: unknown, asked: boolean): ((entry: Entry) => boolean) | undefined {
  if (file == null || (!asked && text(file) === '')) return undefined;
  const name = text(file).replace(/^\.?\/?(_bibliography\/)?/, '');
  const pattern = new RegExp(
    `^${name
      .replace(/[.+^$()|[\]\\]/g, '\\$&')
      .replace(/\{([^}]*)\}/g, (_m, alts: string) => `(?:${alts.split(',').join('|')})`)
      .replace(/\*\*\//g, '(?:.*/)?')
      .replace(/\*/g, '[^/]*')}${/\.\w+$/.test(name) ? '' : '(?:\\.bib)?'}$`,
  );
  return (entry) => pattern.test(text(entry.bibfile));
}

const COMPARISONS: Record<string, (a: string, b: string) => boolean> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '^=': (a, b) => a.startsWith(b),
  '~=': (a, b) => new RegExp(b, 'i').test(a),
  '<': (a, b) => compareValues(a, b) < 0,
  '<=': (a, b) => compareValues(a, b) <= 0,
  '>': (a, b) => compareValues(a, b) > 0,
  '>=': (a, b) => compareValues(a, b) >= 0,
};

/** BibTeX-Ruby's queries: `@*`, `@article`, `@*[year=2020]`, `@book[year<=2000, author~=Knuth]`. */
function bibtexQuery(query: string): (entry: Entry) => boolean {
  // al-folio writes `@*[selected=true]*`: the last star adds nothing.
  const m = /^\s*@(\*|\w+)\s*(?:\[(.*)\])?\*?\s*$/s.exec(query);
  if (!m) return () => false;
  const type = m[1].toLowerCase();
  const alternatives = (m[2] ?? '').split(/\s*\|\|\s*/).map((group) =>
    group
      .split(/\s*,\s*/)
      .filter(Boolean)
      .map((condition) => {
        const c = /^\s*(\w+)\s*(!=|\^=|~=|<=|>=|=|<|>)\s*(.*?)\s*$/.exec(condition);
        const value = c ? c[3].replace(/^(["'{])(.*)["'}]$/, '$2') : '';
        return (entry: Entry) => (c ? COMPARISONS[c[2]](fieldOf(entry, c[1]), value) : false);
      }),
  );
  return (entry) =>
    (type === '*' || text(entry.bibtype || entry.category).toLowerCase() === type) &&
    alternatives.some((all) => all.every((condition) => condition(entry)));
}

function compareValues(a: string, b: string): number {
  const [x, y] = [Number(a), Number(b)];
  if (a !== '' && b !== '' && !Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A field as BibTeX names it, from a publication's front matter. */
function fieldOf(entry: Entry, field: string): string {
  const date = entry.date instanceof Date ? entry.date : undefined;
  switch (field.toLowerCase()) {
    case 'year':
      return date ? String(date.getFullYear()) : text(entry.year);
    case 'month':
      return date ? String(date.getMonth() + 1) : '';
    case 'type':
      return text(entry.bibtype || entry.category).toLowerCase();
    case 'key':
      return text(entry.bibkey || entry.slug);
    case 'author':
    case 'name':
      return Array.isArray(entry.author_list)
        ? entry.author_list.map((a) => plain((a as Entry).family ?? (a as Entry).name)).join(' and ')
        : Array.isArray(entry.authors)
          ? entry.authors.map(plain).join(' and ')
          : plain(entry.author);
    case 'journal':
    case 'booktitle':
      return plain(entry.venue);
    case 'number':
      return text(entry.issue);
    case 'keywords':
      return Array.isArray(entry.keywords) ? entry.keywords.map(plain).join(', ') : plain(entry.keywords);
    default:
      return plain(entry[field]);
  }
}

/** jekyll-scholar's `sort_by: year, month` with `order: descending, ascending`. */
function sortByFields(entries: Entry[], keys: string[], order: string[]): Entry[] {
  return [...entries].sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const descending = /^(desc|reverse)/i.test(order[i] ?? order.at(-1) ?? '');
      const c = compareValues(fieldOf(a, keys[i]), fieldOf(b, keys[i]));
      if (c !== 0) return descending ? -c : c;
    }
    return 0;
  });
}

function dateOf(entry: Entry): number {
  const date = entry.date;
  return date instanceof Date ? date.getTime() : 0;
}

function matches(entry: Entry, options: Options): boolean {
  const year = (entry.date instanceof Date ? String(entry.date.getFullYear()) : '') || text(entry.year);
  if (options.year != null && text(options.year) !== year) return false;
  const type = text(entry.bibtype || entry.category).toLowerCase();
  if (
    options.type != null &&
    !text(options.type)
      .toLowerCase()
      .split(/\s*,\s*/)
      .includes(type)
  )
    return false;
  if (options.selected === true || options.selected === 'true') {
    if (entry.selected !== true) return false;
  }
  const keywords = Array.isArray(entry.keywords) ? entry.keywords.map((k) => text(k).toLowerCase()) : [];
  if (options.keyword != null && !keywords.includes(text(options.keyword).toLowerCase())) return false;
  if (options.query != null) {
    const haystack = [
      entry.title,
      entry.venue,
      ...(Array.isArray(entry.authors) ? entry.authors : []),
      ...keywords,
    ]
      .map(plain)
      .join(' ');
    if (
      !plain(options.query)
        .split(/\s+/)
        .every((word) => haystack.includes(word))
    )
      return false;
  }
  return true;
}

/** Headings for `group_by=type`, in this order. */
const TYPE_GROUPS: [string, string[]][] = [
  ['Journal articles', ['article']],
  ['Conference papers', ['inproceedings', 'conference', 'proceedings']],
  ['Books and chapters', ['book', 'inbook', 'incollection']],
  ['Theses', ['phdthesis', 'mastersthesis', 'thesis']],
  ['Reports', ['techreport', 'report']],
];

export interface Group {
  title: string;
  id: string;
  entries: Entry[];
}

export function groupsOf(entries: Entry[], by: string): Group[] {
  if (by === 'year') {
    const groups: Group[] = [];
    for (const entry of entries) {
      const year =
        entry.date instanceof Date ? String(entry.date.getFullYear()) : text(entry.year) || 'Undated';
      const last = groups.at(-1);
      if (last?.title === year) last.entries.push(entry);
      else groups.push({ title: year, id: `y${year}`, entries: [entry] });
    }
    return groups;
  }
  if (by === 'type') {
    const groups = TYPE_GROUPS.map(([title, types]) => ({
      title,
      id: title.toLowerCase().replace(/\W+/g, '-'),
      entries: entries.filter((entry) => types.includes(text(entry.bibtype).toLowerCase())),
    }));
    const known = new Set(TYPE_GROUPS.flatMap(([, types]) => types));
    groups.push({
      title: 'Other',
      id: 'other',
      entries: entries.filter((entry) => !known.has(text(entry.bibtype).toLowerCase())),
    });
    return groups.filter((group) => group.entries.length > 0);
  }
  return entries.length ? [{ title: '', id: '', entries }] : [];
}

/** The publication a citation key names: its BibTeX key, or an academicpages page's slug. */
export function entryByKey(all: Entry[], key: string): Entry | undefined {
  return all.find((entry) => entry.bibkey === key) ?? all.find((entry) => entry.slug === key);
}
