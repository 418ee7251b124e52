/**
 * kramdown's smart quotes, decided quote by quote from the characters around it (its SQ_RULES,
 * applied to the Markdown source as kramdown's span parser sees it), rather than by pairing
 * quotes as markdown-it does: `Decoupling" when"` gets closing quotes, `'90s` an apostrophe.
 * Code spans, HTML, link targets, math and escaped quotes are left alone.
 */
import type { MarkdownIt, StateCore } from 'markdown-it';

const PUNCT = String.raw`[!"#$%'()*+,\-./:;<=>?@[\\\]^_\x60{|}~]`;
const CLOSE = String.raw`[^ \\\t\r\n[{(-]`;

type Quote = 'lsquo' | 'rsquo' | 'ldquo' | 'rdquo';
const CHAR: Record<Quote, string> = { lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”' };

/** [pattern (sticky, at the character before the quote or at the quote), what each quote becomes]. */
const RULES: [RegExp, (q: string) => Quote[]][] = [
  [/("|')(?=[_*]{1,2}\S)/y, (q) => [q === '"' ? 'ldquo' : 'lsquo']],
  [new RegExp(String.raw`("|')(?=${PUNCT}(?!\.\.)\B)`, 'y'), (q) => [q === '"' ? 'rdquo' : 'rsquo']],
  [/(\s?)"'(?=\w)/y, () => ['ldquo', 'lsquo']],
  [/(\s?)'"(?=\w)/y, () => ['lsquo', 'ldquo']],
  [/(\s?)'(?=\d\ds)/y, () => ['rsquo']],
  [/(\s)('|")(?=\w)/y, (q) => [q === '"' ? 'ldquo' : 'lsquo']],
  [new RegExp(`(${CLOSE})('|")`, 'y'), (q) => [q === '"' ? 'rdquo' : 'rsquo']],
  [/("|')(?=\s|s\b|$)/my, (q) => [q === '"' ? 'rdquo' : 'rsquo']],
  [/(.?)'/sy, () => ['lsquo']],
  [/(.?)"/sy, () => ['ldquo']],
];

/** Ranges of the text that are not prose: code spans, HTML, link targets, math, IALs. */
function protectedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const patterns = [
    /(`+)[\s\S]*?\1/g,
    /<[^>\n]*>/g,
    /\]\((?:[^()\n]|\([^()\n]*\))*\)/g,
    /\$\$[\s\S]*?\$\$/g,
    /\{:[^}\n]*\}/g,
    /\\./g,
  ];
  for (const pattern of patterns)
    for (const m of text.matchAll(pattern)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

export function smartenQuotes(text: string, quotes: Record<Quote, string> = CHAR): string {
  if (!/["']/.test(text)) return text;
  const ranges = protectedRanges(text);
  const inProtected = (i: number) => ranges.some(([start, end]) => i >= start && i < end);
  // Code units, not code points: indexes must match `text`'s (emoji are two units).
  const out = text.split('');
  // A quote right after one already taken sees no character before it (kramdown's scanner has
  // moved past it).
  let taken = -2;
  for (let i = 0; i < text.length; i++) {
    const q = text[i];
    if ((q !== '"' && q !== "'") || inProtected(i)) continue;
    // The character before is seen by the rules, unless it is a backslash or an opening
    // emphasis marker (kramdown's emphasis parser takes that first, so the quote starts the span).
    let marker = i - 1;
    while (marker >= 0 && (text[marker] === '*' || text[marker] === '_')) marker--;
    const opensEmphasis = marker < i - 1 && (!/[^\s([{]/.test(text[marker] ?? ' ') || inProtected(marker));
    // After an HTML tag or a code span the scanner starts afresh at the quote.
    const afterMarkup = i > 0 && inProtected(i - 1);
    const start =
      i > 0 && text[i - 1] !== '\\' && !opensEmphasis && !afterMarkup && taken !== i - 1 ? i - 1 : i;
    for (const [pattern, decide] of RULES) {
      // Rules match where kramdown's scanner stands: on the character before the quote.
      pattern.lastIndex = start;
      const m = pattern.exec(text);
      if (!m) continue;
      const firstQuote = m.index + m[0].search(/["']/);
      if (firstQuote !== i) continue;
      const kinds = decide(q);
      kinds.forEach((kind, k) => {
        out[i + k] = quotes[kind];
      });
      i += kinds.length - 1;
      taken = i;
      break;
    }
  }
  return out.join('');
}

export function smartQuotes(md: MarkdownIt, quotes?: Record<Quote, string>): void {
  md.core.ruler.disable('smartquotes');
  md.core.ruler.after('block', 'kramdown_smart_quotes', (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type === 'inline') token.content = smartenQuotes(token.content, quotes);
    }
  });
}
