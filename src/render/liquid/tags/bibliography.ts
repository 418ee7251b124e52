/**
 * `{% bibliography %}`: the publications (from BibTeX or `_publications/`) as a list, grouped by
 * year or type, through the theme's `bibliography.html` include (a site may make its own).
 *
 *   {% bibliography selected=true group_by=none limit=5 bibtex=false abstract=false %}
 *   {% bibliography year=2024 type=article keyword="federated learning" query="fusion" sort=asc %}
 */
import { type Context, type Liquid, Tag, type TagToken, type Template, type TopLevelToken } from 'liquidjs';

type Entry = Record<string, unknown>;

/** Headings for `group_by=type`, in this order. */
const TYPE_GROUPS: [string, string[]][] = [
  ['Journal articles', ['article']],
  ['Conference papers', ['inproceedings', 'conference', 'proceedings']],
  ['Books and chapters', ['book', 'inbook', 'incollection']],
  ['Theses', ['phdthesis', 'mastersthesis', 'thesis']],
  ['Reports', ['techreport', 'report']],
];

const text = (value: unknown) => (value == null ? '' : String(value));
const plain = (value: unknown) =>
  text(value)
    .replace(/<[^>]*>/g, '')
    .toLowerCase();

export class BibliographyTag extends Tag {
  private readonly args: [string, string][];
  private readonly body: Template[];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.args = [...token.args.matchAll(/(\w+)\s*[=:]\s*("[^"]*"|'[^']*'|[^\s,]+)/g)].map((m) => [
      m[1],
      m[2],
    ]);
    this.body = liquid.parse('{% include bibliography.html %}');
  }

  /**
   * `key="text"`, `key=2024`, `key=true`, or `key=name`: a variable when one of that name is
   * set, else the word itself (`group_by=type` as jekyll-scholar users write it).
   */
  private *options(ctx: Context): Generator<unknown, Record<string, unknown>, unknown> {
    const options: Record<string, unknown> = {};
    for (const [key, raw] of this.args) {
      if (/^["']/.test(raw)) options[key] = raw.slice(1, -1);
      else if (/^-?\d+$/.test(raw)) options[key] = Number(raw);
      else if (raw === 'true' || raw === 'false') options[key] = raw === 'true';
      else options[key] = ((yield ctx._get(raw.split('.'))) as unknown) ?? raw;
    }
    return options;
  }

  *render(ctx: Context): Generator<unknown, unknown, unknown> {
    const options = yield* this.options(ctx);
    const label = text(options.collection ?? 'publications');
    const all = ((yield ctx._get(['site', label])) as Entry[] | undefined) ?? [];
    let entries = all.filter((entry) => matches(entry, options));
    entries.sort((a, b) => dateOf(b) - dateOf(a));
    if (options.sort === 'asc') entries.reverse();
    const limit = Number(options.limit);
    if (limit > 0) entries = entries.slice(0, limit);
    ctx.push({
      bibliography: {
        groups: groupsOf(entries, text(options.group_by || 'year')),
        size: entries.length,
        options,
      },
    });
    try {
      return yield this.liquid.renderer.renderTemplates(this.body, ctx);
    } finally {
      ctx.pop();
    }
  }
}

function dateOf(entry: Entry): number {
  const date = entry.date;
  return date instanceof Date ? date.getTime() : 0;
}

function matches(entry: Entry, options: Record<string, unknown>): boolean {
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

function groupsOf(entries: Entry[], by: string): { title: string; id: string; entries: Entry[] }[] {
  if (by === 'year') {
    const groups: { title: string; id: string; entries: Entry[] }[] = [];
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
