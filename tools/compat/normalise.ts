/**
 * "The same page", as DESIGN.md defines it: DOM-equal after collapsing whitespace outside
 * `pre`/`textarea`, dropping whitespace-only text, sorting attributes, decoding entities and
 * flattening Rouge's token spans inside highlighted code. Each normaliser returns text lines,
 * so two outputs compare with `===` and differ with a readable diff.
 */
import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';

const PRESERVE = new Set(['pre', 'textarea', 'script', 'style']);
/** Whitespace next to these never shows: it is trimmed like whitespace at an element's edges. */
const BLOCK = new Set(
  'address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html li main nav ol p pre section table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
const isBlock = (node: ChildNode | null | undefined) => !!node && isTag(node) && BLOCK.has(node.name);
const BLOCK_EDGE_TRIM = true;

function isHighlightedCode(element: Element, ancestors: Element[]): boolean {
  if (element.name !== 'pre' && element.name !== 'code') return false;
  return [element, ...ancestors].some((el) => /\bhighlight\b/.test(el.attribs.class ?? ''));
}

function textOf(node: ChildNode): string {
  if (isText(node)) return node.data;
  if (isTag(node)) return node.children.map(textOf).join('');
  return '';
}

/**
 * `buildTime`: when given, ISO and RFC-822 times within 36 h of it (documents without a date
 * print the build time) are masked in text and attributes.
 */
export function normaliseHtml(html: string, buildTime?: number): string[] {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: true });
  const mask = (text: string) => (buildTime === undefined ? text : maskBuildTimes(text, buildTime));
  const lines: string[] = [];
  const walk = (nodes: ChildNode[], depth: number, ancestors: Element[], preserve: boolean) => {
    const indent = '  '.repeat(depth);
    nodes.forEach((node, index) => {
      if (isText(node)) {
        let text = node.data;
        if (!preserve) {
          text = text.replace(/\s+/g, ' ');
          if (BLOCK_EDGE_TRIM && (index === 0 || isBlock(nodes[index - 1]))) text = text.trimStart();
          if (BLOCK_EDGE_TRIM && (index === nodes.length - 1 || isBlock(nodes[index + 1])))
            text = text.trimEnd();
          if (text.trim() === '') return;
        }
        lines.push(`${indent}${JSON.stringify(mask(text))}`);
        return;
      }
      if (node.type === 'comment') {
        // Comments are never shown: whitespace and quote style inside are ignored (kramdown
        // re-serialises the HTML it parsed with double quotes and ` />`).
        lines.push(
          `${indent}<!--${mask(node.data)
            .replace(/\s+|\/(?=>)/g, '')
            .replace(/'/g, '"')}-->`,
        );
        return;
      }
      if (node.type === 'directive') {
        lines.push(`${indent}<${node.data.replace(/\s+/g, ' ').toLowerCase()}>`);
        return;
      }
      if (!isTag(node)) return;
      const attributes = Object.entries(node.attribs)
        .map(
          ([name, value]) =>
            [name, name === 'class' ? value.trim().split(/\s+/).join(' ') : mask(value)] as const,
        )
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, value]) => ` ${name}=${JSON.stringify(value)}`)
        .join('');
      lines.push(`${indent}<${node.name}${attributes}>`);
      if (isHighlightedCode(node, ancestors)) {
        lines.push(`${indent}  ${JSON.stringify(textOf(node))}`);
        return;
      }
      walk(node.children, depth + 1, [node, ...ancestors], preserve || PRESERVE.has(node.name));
    });
  };
  walk(doc.children, 0, [], false);
  return lines;
}

/** ISO-8601 and RFC-822 times; those within a day and a half of `now` are the build time. */
const ISO = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|\s?[+-]\d{2}:?\d{2})?/g;
const RFC822 =
  /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}/g;

export function maskBuildTimes(text: string, now = Date.now()): string {
  const near = (stamp: string) => {
    const time = Date.parse(stamp.replace(/ ([+-]\d{2}):?(\d{2})$/, '$1:$2').replace(' ', 'T'));
    return !Number.isNaN(time) && Math.abs(time - now) < 36 * 3600 * 1000;
  };
  return text
    .replace(ISO, (stamp) => (near(stamp) ? '<build time>' : stamp))
    .replace(RFC822, (stamp) =>
      near(stamp) || Math.abs(Date.parse(stamp) - now) < 36 * 3600 * 1000 ? '<build time>' : stamp,
    );
}

export function normaliseXml(xml: string, now?: number): string[] {
  const doc = parseDocument(maskBuildTimes(xml, now), { xmlMode: true, decodeEntities: true });
  const lines: string[] = [];
  const walk = (nodes: ChildNode[], depth: number) => {
    for (const node of nodes) {
      const indent = '  '.repeat(depth);
      if (isText(node)) {
        const text = node.data.replace(/\s+/g, ' ').trim();
        if (text) lines.push(`${indent}${JSON.stringify(text)}`);
      } else if (node.type === 'cdata') {
        const inner =
          textOf(node as unknown as ChildNode) || (node.children as ChildNode[]).map(textOf).join('');
        lines.push(
          `${indent}<![CDATA[`,
          ...normaliseHtml(inner).map((line) => `${indent}  ${line}`),
          `${indent}]]>`,
        );
      } else if (isTag(node)) {
        const attributes = Object.entries(node.attribs)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([name, value]) => ` ${name}=${JSON.stringify(value)}`)
          .join('');
        lines.push(`${indent}<${node.name}${attributes}>`);
        // Feed content is escaped HTML: compare it as HTML.
        if ((node.name === 'content' || node.name === 'summary') && node.attribs.type === 'html') {
          lines.push(...normaliseHtml(textOf(node)).map((line) => `${indent}  ${line}`));
        } else walk(node.children, depth + 1);
      }
    }
  };
  walk(doc.children, 0);
  return lines;
}

/**
 * CSS's 148 named colours: Dart Sass may print a colour as hex where libsass keeps its name
 * (or the other way round); both render the same. Hex spellings are shortened below.
 */
const NAMED_COLOURS: Record<string, string> = Object.fromEntries(
  (
    'aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff ' +
    'beige:f5f5dc bisque:ffe4c4 black:000000 blanchedalmond:ffebcd blue:0000ff ' +
    'blueviolet:8a2be2 brown:a52a2a burlywood:deb887 cadetblue:5f9ea0 chartreuse:7fff00 ' +
    'chocolate:d2691e coral:ff7f50 cornflowerblue:6495ed cornsilk:fff8dc crimson:dc143c ' +
    'cyan:00ffff darkblue:00008b darkcyan:008b8b darkgoldenrod:b8860b darkgray:a9a9a9 ' +
    'darkgreen:006400 darkgrey:a9a9a9 darkkhaki:bdb76b darkmagenta:8b008b ' +
    'darkolivegreen:556b2f darkorange:ff8c00 darkorchid:9932cc darkred:8b0000 ' +
    'darksalmon:e9967a darkseagreen:8fbc8f darkslateblue:483d8b darkslategray:2f4f4f ' +
    'darkslategrey:2f4f4f darkturquoise:00ced1 darkviolet:9400d3 deeppink:ff1493 ' +
    'deepskyblue:00bfff dimgray:696969 dimgrey:696969 dodgerblue:1e90ff firebrick:b22222 ' +
    'floralwhite:fffaf0 forestgreen:228b22 fuchsia:ff00ff gainsboro:dcdcdc ghostwhite:f8f8ff ' +
    'gold:ffd700 goldenrod:daa520 gray:808080 green:008000 greenyellow:adff2f grey:808080 ' +
    'honeydew:f0fff0 hotpink:ff69b4 indianred:cd5c5c indigo:4b0082 ivory:fffff0 khaki:f0e68c ' +
    'lavender:e6e6fa lavenderblush:fff0f5 lawngreen:7cfc00 lemonchiffon:fffacd ' +
    'lightblue:add8e6 lightcoral:f08080 lightcyan:e0ffff lightgoldenrodyellow:fafad2 ' +
    'lightgray:d3d3d3 lightgreen:90ee90 lightgrey:d3d3d3 lightpink:ffb6c1 lightsalmon:ffa07a ' +
    'lightseagreen:20b2aa lightskyblue:87cefa lightslategray:778899 lightslategrey:778899 ' +
    'lightsteelblue:b0c4de lightyellow:ffffe0 lime:00ff00 limegreen:32cd32 linen:faf0e6 ' +
    'magenta:ff00ff maroon:800000 mediumaquamarine:66cdaa mediumblue:0000cd ' +
    'mediumorchid:ba55d3 mediumpurple:9370db mediumseagreen:3cb371 mediumslateblue:7b68ee ' +
    'mediumspringgreen:00fa9a mediumturquoise:48d1cc mediumvioletred:c71585 ' +
    'midnightblue:191970 mintcream:f5fffa mistyrose:ffe4e1 moccasin:ffe4b5 ' +
    'navajowhite:ffdead navy:000080 oldlace:fdf5e6 olive:808000 olivedrab:6b8e23 ' +
    'orange:ffa500 orangered:ff4500 orchid:da70d6 palegoldenrod:eee8aa palegreen:98fb98 ' +
    'paleturquoise:afeeee palevioletred:db7093 papayawhip:ffefd5 peachpuff:ffdab9 ' +
    'peru:cd853f pink:ffc0cb plum:dda0dd powderblue:b0e0e6 purple:800080 ' +
    'rebeccapurple:663399 red:ff0000 rosybrown:bc8f8f royalblue:4169e1 saddlebrown:8b4513 ' +
    'salmon:fa8072 sandybrown:f4a460 seagreen:2e8b57 seashell:fff5ee sienna:a0522d ' +
    'silver:c0c0c0 skyblue:87ceeb slateblue:6a5acd slategray:708090 slategrey:708090 ' +
    'snow:fffafa springgreen:00ff7f steelblue:4682b4 tan:d2b48c teal:008080 thistle:d8bfd8 ' +
    'tomato:ff6347 turquoise:40e0d0 violet:ee82ee wheat:f5deb3 white:ffffff ' +
    'whitesmoke:f5f5f5 yellow:ffff00 yellowgreen:9acd32 '
  )
    .trim()
    .split(' ')
    .map((pair) => {
      const [name, hex] = pair.split(':');
      return [name, `#${hex}`];
    }),
);
const NAMED_COLOUR = new RegExp(`(^|[\\s,(:])(${Object.keys(NAMED_COLOURS).join('|')})(?=$|[\\s,)!;])`, 'gi');

/**
 * libsass turns `hsl(…)` into hex even in custom properties, where Dart Sass keeps it as written
 * (CSS Color 3's conversion, rounded as libsass rounds).
 */
function hslToHex(hue: number, saturation: number, lightness: number): string {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const h = (((hue % 360) + 360) % 360) / 60;
  const x = chroma * (1 - Math.abs((h % 2) - 1));
  const [r, g, b] = [
    [chroma, x, 0],
    [x, chroma, 0],
    [0, chroma, x],
    [0, x, chroma],
    [x, 0, chroma],
    [chroma, 0, x],
  ][Math.floor(h) % 6];
  const m = lightness - chroma / 2;
  return `#${[r, g, b]
    .map((c) =>
      Math.round((c + m) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Formatting-level CSS differences (Dart Sass vs libsass) forgiven; anything else counts. */
function canonicalCssValue(value: string): string {
  return (
    value
      .replace(/\\([0-9a-fA-F]{1,6})[ \t\n]?/g, (_, hex: string) =>
        String.fromCodePoint(Number.parseInt(hex, 16)),
      )
      .replace(/\\([^0-9a-fA-F\n])/g, '$1')
      .replace(/[ \t\r\n\f]+/g, ' ')
      .replace(NAMED_COLOUR, (_, before: string, name: string) => before + NAMED_COLOURS[name.toLowerCase()])
      .replace(/\s*([,/()*])\s*/g, '$1')
      .replace(/\bhsl\(([\d.]+)(?:deg)?,([\d.]+)%,([\d.]+)%\)/g, (_, h: string, s: string, l: string) =>
        hslToHex(Number(h), Number(s) / 100, Number(l) / 100),
      )
      .replace(/#([0-9a-fA-F]{6})\b/g, (_, hex: string) => {
        const h = hex.toLowerCase();
        return h[0] === h[1] && h[2] === h[3] && h[4] === h[5] ? `#${h[0]}${h[2]}${h[4]}` : `#${h}`;
      })
      .replace(/#([0-9a-fA-F]{3})\b/g, (_, hex: string) => `#${hex.toLowerCase()}`)
      .replace(/(^|[^\d.])0\.(\d)/g, '$1.$2')
      .replace(/\s*!important/, ' !important')
      // Same value, other spelling: `transparent`, trailing zeros, quote style, escapes.
      .replace(/\btransparent\b/g, 'rgba(0,0,0,0)')
      // libsass prints 6 decimals (`.866667`), Dart Sass 10: no browser sees past the fourth.
      .replace(/(\d*)\.(\d{5,})/g, (_, whole: string, fraction: string) =>
        Number(`${whole || 0}.${fraction}`)
          .toFixed(4)
          .replace(/^0(?=\.)/, whole ? '0' : ''),
      )
      .replace(/(\d*\.\d*?)0+(?!\d)/g, (_, n: string) => (n.endsWith('.') ? n.slice(0, -1) : n))
      .replace(/'([^'"]*)'/g, '"$1"')
      .trim()
  );
}

/**
 * CSS "renders the same" when every (at-rule context, selector, property) ends with the same
 * value: compilers may split, merge or move blocks (Dart Sass puts declarations that follow a
 * nested rule into a block of their own), which changes nothing a browser shows.
 */
export function normaliseCss(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const final = new Map<string, string>();
  const statements: string[] = [];
  let i = 0;
  const parseBlock = (context: string): void => {
    while (i < text.length) {
      const start = i;
      // Read up to `{`, `;` or `}` outside strings and parentheses.
      let depth = 0;
      let quote = '';
      while (i < text.length) {
        const ch = text[i];
        if (quote) {
          if (ch === '\\') i++;
          else if (ch === quote) quote = '';
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '(') depth++;
        else if (ch === ')') depth--;
        else if (depth === 0 && (ch === '{' || ch === ';' || ch === '}')) break;
        i++;
      }
      const head = text
        .slice(start, i)
        .replace(/[ \t\r\n\f]+/g, ' ')
        .trim();
      const ch = text[i++];
      if (ch === '}' || ch === undefined) {
        if (head) declare(context, head);
        return;
      }
      if (ch === ';') {
        // `@import url("x")` and `@import "x"` import the same file (Dart Sass writes the second).
        const statement = head
          .replace(/^@import\s*url\((["']?)([^"')]*)\1\)/, '@import "$2"')
          .replace(/^@import\s*(["'])/, '@import $1');
        // Dart Sass writes `\2014` as the character itself and so declares the charset; libsass
        // keeps the escape and needs none. A UTF-8 page reads both alike.
        if (/^@charset\s*["']utf-8["']$/i.test(head)) continue;
        if (head.startsWith('@')) statements.push(`${context}${canonicalCssValue(statement)}`);
        else if (head) declare(context, head);
        continue;
      }
      // `{`: a nested block (rule or at-rule).
      const selector = head.startsWith('@')
        ? canonicalCssValue(head.replace(/^@media\s*/, '@media '))
        : head
            .split(',')
            .map((part) =>
              part
                .replace(/\s*([>+~])\s*/g, '$1')
                .replace(/\[([\w-]+)([~|^$*]?=)["']([\w-]+)["']\]/g, '[$1$2$3]')
                .trim(),
            )
            .join(',');
      parseBlock(`${context}${selector} » `);
    }
  };
  const declare = (context: string, declaration: string) => {
    const colon = declaration.indexOf(':');
    if (colon < 0) return;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = canonicalCssValue(declaration.slice(colon + 1));
    const key = `${context}${property}`;
    // Repeated properties (fallbacks) are kept in order as one value.
    final.set(
      key,
      final.has(key) && /@font-face|keyframes/.test(context) ? `${final.get(key)} ; ${value}` : value,
    );
  };
  parseBlock('');
  return [...statements, ...[...final].map(([key, value]) => `${key}: ${value}`).sort()];
}
