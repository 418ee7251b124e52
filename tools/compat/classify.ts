/**
 * What kind of difference a page's first difference is, so that a corpus run can say "412 pages
 * differ in <p> wrapping of Markdown" rather than list 412 pages. It reads the normalised DOM
 * lines of normalise.ts (one node a line, two spaces of indent per level).
 */

export type Area = 'head' | 'content' | 'layout';

export interface Difference {
  /** Where on the page: `<head>`, the Markdown-made content, or the theme's layout around it. */
  area: Area;
  /** What differs there: `<p> wrapping`, `emphasis`, `links`, `dates`, `Liquid error`, … */
  kind: string;
  /** The line (0-based) of the first difference. */
  line: number;
}

const depthOf = (line: string) => (line.length - line.trimStart().length) / 2;
const tagOf = (line: string | undefined) => /^\s*<([a-z][\w-]*)/.exec(line ?? '')?.[1];
const isText = (line: string | undefined) => /^\s*"/.test(line ?? '');

export function firstDifferingLine(expected: string[], actual: string[]): number {
  let i = 0;
  while (i < expected.length && i < actual.length && expected[i] === actual[i]) i++;
  return i;
}

/** The element lines that enclose line `index`, nearest first. */
export function ancestorsOf(lines: string[], index: number): string[] {
  const found: string[] = [];
  let depth = index < lines.length ? depthOf(lines[index]!) : 0;
  for (let k = Math.min(index, lines.length) - 1; k >= 0 && depth > 0; k--) {
    const line = lines[k]!;
    if (depthOf(line) < depth && tagOf(line)) {
      found.push(line.trim());
      depth = depthOf(line);
    }
  }
  return found;
}

/**
 * academicpages (Minimal Mistakes) puts what the Markdown made inside `page__content` (pages,
 * posts) or lists it in `archive` (the collection indexes); anything else comes from layouts.
 */
function areaOf(ancestors: string[]): Area {
  if (ancestors.some((line) => line.startsWith('<head'))) return 'head';
  if (ancestors.some((line) => /class="[^"]*\b(page__content|archive__item-excerpt)\b/.test(line)))
    return 'content';
  return 'layout';
}

const MONTHS =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b/g;
const withoutDates = (line: string) => line.replace(MONTHS, '#').replace(/\d+/g, '#');
const TYPOGRAPHY: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u00ab': '"',
  '\u00bb': '"',
};
const plainTypography = (line: string) =>
  (JSON.parse(line.trim()) as string)
    .replace(/[\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb]/g, (ch) => TYPOGRAPHY[ch]!)
    .replace(/--+/g, '-');

/** Families of elements, the names a kramdown engineer would look under. */
const FAMILIES: [RegExp, string][] = [
  [/^p$/, '<p> wrapping'],
  [/^(em|strong|b|i|del|s|mark)$/, 'emphasis'],
  [/^a$/, 'links'],
  [/^(table|thead|tbody|tfoot|tr|td|th|colgroup|col)$/, 'tables'],
  [/^(ul|ol|li|dl|dt|dd)$/, 'lists'],
  [/^h[1-6]$/, 'headings'],
  [/^(pre|code|kbd|samp)$/, 'code'],
  [/^(img|figure|figcaption|picture|source|video|iframe)$/, 'images and media'],
  [/^(blockquote)$/, 'blockquotes'],
  [/^(sup|sub)$/, 'footnotes, sup/sub'],
  [/^(script|style|noscript|link|meta|title)$/, 'head elements (script, style, meta, title)'],
  [/^(br|hr)$/, 'line breaks and rules'],
  [
    /^(div|span|section|article|aside|nav|header|footer|main|details|summary|center|font)$/,
    'raw HTML blocks',
  ],
];

function familyOf(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  return FAMILIES.find(([pattern]) => pattern.test(tag))?.[1] ?? `<${tag}>`;
}

const LIQUID_ERROR = /Liquid (?:syntax )?error|Liquid Exception/i;

/** Markdown syntax in a text node: the converter left it as it was written. */
const MARKDOWN_AS_TEXT =
  /\*\*|__|\[[^\]]*\]\([^)]*\)|(?:^|\s)[*_][^*_\s][^*_]*[*_](?:\s|$)|(?:^|\s)#{1,6} |\s\|\s/;

function markdownLeftAsText(line: string | undefined): boolean {
  return isText(line) && MARKDOWN_AS_TEXT.test(JSON.parse(line!.trim()) as string);
}

/** Classifies the first difference between Jekyll's page (`expected`) and ours (`actual`). */
export function classifyDifference(expected: string[], actual: string[]): Difference {
  const found = classifyFirst(expected, actual);
  // Which side shows Markdown as text tells a kramdown engineer where to look first.
  const line = expected[found.line];
  const ours = actual[found.line];
  const inOurs = markdownLeftAsText(ours) && !markdownLeftAsText(line);
  const inJekyll = markdownLeftAsText(line) && !markdownLeftAsText(ours);
  if (inOurs || inJekyll) found.kind += ` (Markdown left as text in ${inOurs ? 'ours' : 'Jekyll'})`;
  return found;
}

function classifyFirst(expected: string[], actual: string[]): Difference {
  const line = firstDifferingLine(expected, actual);
  const a = expected[line];
  const b = actual[line];
  const ancestors = ancestorsOf(line < expected.length ? expected : actual, line);
  const area = areaOf(ancestors);
  const result = (kind: string): Difference => ({ area, kind, line });

  if ([...expected, ...actual].some((text) => isText(text) && LIQUID_ERROR.test(text))) {
    const inJekyll = expected.some((text) => LIQUID_ERROR.test(text));
    const inOurs = actual.some((text) => LIQUID_ERROR.test(text));
    if (inJekyll !== inOurs) return result(inOurs ? 'Liquid error in ours' : 'Liquid error in Jekyll');
  }
  if (a === undefined || b === undefined)
    return result(a === undefined ? 'extra content' : 'missing content');
  if (/\d/.test(a + b) && withoutDates(a) === withoutDates(b)) return result('dates and numbers');
  if (depthOf(a) !== depthOf(b)) {
    // One side has something more inside the element before: say what, and inside what.
    const oursDeeper = depthOf(b) > depthOf(a);
    const deeper = oursDeeper ? b : a;
    const parent = tagOf(ancestorsOf(oursDeeper ? actual : expected, line)[0]);
    const what = isText(deeper) ? 'text' : familyOf(tagOf(deeper));
    return result(`${what} only in ${oursDeeper ? 'ours' : 'Jekyll'}${parent ? ` (in <${parent}>)` : ''}`);
  }
  if (isText(a) && isText(b)) {
    if (plainTypography(a) === plainTypography(b)) return result('smart quotes and dashes');
    if (a.replace(/\s+/g, '') === b.replace(/\s+/g, '')) return result('whitespace in text');
    // "a " then <em> on one side, "a *b* c" on the other: the element is what differs.
    const element = inlineElementAfter(expected, line, b) ?? inlineElementAfter(actual, line, a);
    if (element) return result(familyOf(element)!);
    const parent = tagOf(ancestors[0]);
    return result(`text${parent ? ` in <${parent}>` : ''}`);
  }
  const tagA = tagOf(a);
  const tagB = tagOf(b);
  if (tagA === 'meta' && tagB === 'meta') {
    const name = (line: string) => attribute(line, 'property') ?? attribute(line, 'name');
    if (name(a) && name(a) === name(b)) return result(`<meta> ${JSON.parse(name(a)!)}`);
  }
  if (tagA && tagA === tagB) {
    // Same element, other attributes.
    const names = (line: string) => [...line.matchAll(/ ([\w:-]+)=/g)].map((m) => m[1]);
    const namesA = names(a);
    const namesB = names(b);
    const changed = [...new Set([...namesA, ...namesB])].filter(
      (name) => !namesA.includes(name) || !namesB.includes(name) || attribute(a, name) !== attribute(b, name),
    );
    return result(`${familyOf(tagA)}: ${changed.join(', ') || 'attributes'}`);
  }
  // One side has an element where the other has text or another element: name the element
  // that only one side has, preferring the one that tells more (p, em, a …).
  const family = familyOf(tagA) ?? familyOf(tagB);
  return result(family ?? 'structure');
}

/** The element right after text line `index` of `lines`, when the other side's text there is longer. */
function inlineElementAfter(lines: string[], index: number, otherText: string): string | undefined {
  const text = lines[index]!;
  const next = lines[index + 1];
  if (!next || depthOf(next) !== depthOf(text) || otherText.length <= text.length) return undefined;
  return tagOf(next);
}

function attribute(line: string, name: string): string | undefined {
  return new RegExp(` ${name}=("(?:[^"\\\\]|\\\\.)*")`).exec(line)?.[1];
}

/** The normalised DOM around the first difference: shared context, then each side's lines. */
export function differenceExcerpt(expected: string[], actual: string[], context = 3, shown = 6): string {
  const line = firstDifferingLine(expected, actual);
  const out = [`@@ line ${line + 1}`];
  for (let k = Math.max(0, line - context); k < line; k++) out.push(`  ${expected[k]}`);
  out.push('jekyll:');
  for (const text of expected.slice(line, line + shown)) out.push(`- ${text}`);
  out.push('scholarsite:');
  for (const text of actual.slice(line, line + shown)) out.push(`+ ${text}`);
  return out.join('\n');
}
