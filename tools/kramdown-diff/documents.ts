/** Random Markdown documents, each kind in the shapes that real pages take (see main.ts). */
export type Random = () => number;

const pick = <T>(random: Random, choices: T[]): T => choices[Math.floor(random() * choices.length)];

/** Nested lists (two or four spaces a level) with lazy lines at every indentation, and blank lines. */
function lists(random: Random): string {
  const lines = ['Intro paragraph.', ''];
  const step = pick(random, [2, 4]);
  const markers = [pick(random, ['-', '*']), pick(random, ['-', '*', '1.']), pick(random, ['-', '1.'])];
  let depth = 0;
  const count = 3 + Math.floor(random() * 7);
  for (let i = 0; i < count; i++) {
    const kind = random();
    if (kind < 0.5 || i === 0) {
      depth = i === 0 ? 0 : Math.max(0, Math.min(2, depth + pick(random, [-1, 0, 1])));
      const aligned = markers.slice(0, depth).reduce((width, marker) => width + marker.length + 1, 0);
      lines.push(`${' '.repeat(step === 4 ? depth * 4 : aligned)}${markers[depth]} item ${i}`);
    } else if (kind < 0.8) {
      lines.push(
        `${pick(random, ['', '', ' '.repeat(step * depth), ' '.repeat(step * (depth + 1))])}lazy ${i}`,
      );
    } else lines.push('');
  }
  lines.push('', 'After.');
  return `${lines.join('\n')}\n`;
}

/** An indented code block, and what may follow it without a blank line. */
function code(random: Random): string {
  const lines = ['Intro.', '', '    code 1'];
  const count = 2 + Math.floor(random() * 6);
  for (let i = 0; i < count; i++) {
    lines.push(
      pick(random, [
        `    code ${i}`,
        `lazy ${i}`,
        ` one space ${i}`,
        `   three ${i}`,
        '',
        `- item ${i}`,
        `# head ${i}`,
        `<div>html ${i}</div>`,
        `<b>bold</b> ${i}`,
        `> quote ${i}`,
        `        deeper ${i}`,
        `text with <em>em</em> ${i}`,
      ]),
    );
  }
  lines.push('', 'After.');
  return `${lines.join('\n')}\n`;
}

/** Paragraphs, headings, quotes, lists, fences, tables, rules and HTML, one after the other. */
function blocks(random: Random): string {
  const inline = () =>
    pick(random, [
      'plain words',
      'some *emphasis* and **strong**',
      'a [link](https://example.org) here',
      'code `x = 1` inline',
      'it\'s "quoted" -- and...',
      'a footnote[^1] mark',
      'an <span>inline</span> tag',
    ]);
  const parts: string[] = [];
  const count = 3 + Math.floor(random() * 6);
  for (let i = 0; i < count; i++) {
    const block = pick(random, [
      () => `${inline()}\n${inline()}`,
      () => `${pick(random, ['#', '##', '###'])} Heading ${i}`,
      () => `Setext ${i}\n${pick(random, ['===', '---'])}`,
      () => `> ${inline()}\n> ${inline()}`,
      () => `- ${inline()}\n- ${inline()}\n  - ${inline()}`,
      () => `1. ${inline()}\n2. ${inline()}`,
      () => '```\nfenced code\n```',
      () => `| a | b |\n|---|---|\n| ${i} | ${inline()} |`,
      () => '---',
      () => `<div>\n${inline()}\n</div>`,
      () => `Term ${i}\n: ${inline()}`,
      () => '[^1]: The footnote.',
      () => `    indented code ${i}`,
    ])();
    parts.push(block);
    parts.push('\n\n');
  }
  return `${parts.join('').trimEnd()}\n`;
}

/** The same blocks, but often with no blank line between them, as hand-written pages have. */
function tight(random: Random): string {
  const text = [
    'Some text here',
    '**Bold title**',
    'A line with a [link](https://example.org)',
    'Text after',
  ];
  const parts: string[] = [];
  const count = 3 + Math.floor(random() * 6);
  for (let i = 0; i < count; i++) {
    parts.push(
      pick(random, [
        () => pick(random, text),
        () => `- item ${i}\n- item ${i + 1}`,
        () => `* item ${i}\n  * nested ${i}`,
        () => `1. one ${i}\n2. two ${i}`,
        () => `## Heading ${i}`,
        () => `> quote ${i}`,
        () => '```\ncode\n```',
        () => `| a | b |\n|---|---|\n| ${i} | x |`,
        () => '<br>',
        () => '<div>block</div>',
        () => '---',
        () => `Setext ${i}\n===`,
      ])(),
    );
    parts.push(pick(random, ['\n', '\n', '\n\n']));
  }
  return `${parts.join('').trimEnd()}\n`;
}

/**
 * Raw HTML in Markdown as hand-written pages have it: block and span tags (known, unknown, upper
 * case, void, `/>`), attributes in every form (unquoted, valueless, repeated, over lines, the
 * `markdown` attribute), end tags that close nothing, comments, stray `<`, next to Markdown
 * lines of every kind.
 */
function html(random: Random): string {
  const tags = [
    'div',
    'p',
    'span',
    'a',
    'img',
    'br',
    'center',
    'font',
    'iframe',
    'table',
    'tr',
    'td',
    'details',
    'summary',
    'script',
    'style',
    'pre',
    'code',
    'ul',
    'li',
    'section',
    'my-el',
    'DIV',
    'b',
    'i',
    'em',
    'h2',
    'hr',
    'textarea',
    'figure',
    'kbd',
    'Foo',
  ];
  const attributes = [
    ' class="x"',
    " id='y'",
    ' width=100',
    ' hidden',
    ' markdown="1"',
    ' markdown="0"',
    ' markdown="span"',
    ' markdown="block"',
    ' style="a:b"',
    '\n  data-x="1"',
    ' title="a > b"',
    ' width=50%',
    ' CLASS="z"',
    ' class="a" class="b"',
  ];
  const attribute = () => (random() < 0.5 ? pick(random, attributes) : '');
  const start = () => `<${pick(random, tags)}${attribute()}${attribute()}${random() < 0.1 ? '/' : ''}>`;
  const end = () => `</${pick(random, tags)}${random() < 0.1 ? ' ' : ''}>`;
  const pieces = [
    'text',
    '*em*',
    '**strong**',
    '`code`',
    '[l](u)',
    ' < ',
    '<3',
    '&amp;',
    '<!-- c -->',
    '<!--',
    '-->',
    "it's",
    '--',
    ' ',
  ];
  const piece = () => (random() < 0.5 ? pick(random, pieces) : random() < 0.5 ? start() : end());
  const prefixes = [
    '',
    '',
    '',
    '',
    ' ',
    '   ',
    '    ',
    '* ',
    '1. ',
    '> ',
    '# ',
    '| ',
    '{: .c}\n',
    ': ',
    '  ',
  ];
  const lines: string[] = [];
  const count = 1 + Math.floor(random() * 8);
  for (let i = 0; i < count; i++) {
    if (random() < 0.2) {
      lines.push('');
      continue;
    }
    let line = pick(random, prefixes);
    for (let n = 1 + Math.floor(random() * 4); n > 0; n--) line += piece();
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

const INDENTS = ['', ' ', '  ', '   ', '    ', '     ', '      ', '        ', '\t', ' \t', '\t\t', '  \t'];
const MARKERS = ['*', '-', '+', '1.', '2.', '10.', ':'];
const AFTER_MARKER = [' ', '  ', '   ', '    ', '     ', '\t', ' \t'];
const ITEM_TEXTS = ['a', 'b c', '{: .x} t', '[ ] t', '[x] t', '', '> q', '# h', '    code', '* n'];
const LINES = [
  'text',
  'lazy',
  '> q',
  '---',
  '===',
  '***',
  '^',
  '{: .c}',
  '{:a: .x}',
  '{: a}',
  '<div>',
  '</p>',
  '<em>x</em>',
  '| a | b |',
  '|--|--|',
  '|==|',
  '`a|b` | c',
  '[^f]: n',
  'x[^f]',
  '[l]: /u "t"',
  '*[T]: t',
  'T',
  '$$m$$',
  '```',
  '~~~ ruby',
  '{::comment}',
  '{:/}',
  '{::options auto_ids="false" /}',
  '# H',
  'H #',
  '\\$$m$$',
];

/** Lines of every block rule (list markers, quotes, fences, tables, IALs, definitions…) at every indentation. */
function rules(random: Random): string {
  const lines: string[] = [];
  for (let n = 2 + Math.floor(random() * 20); n > 0; n--) {
    const kind = random();
    if (kind < 0.35) {
      lines.push(
        pick(random, INDENTS) + pick(random, MARKERS) + pick(random, AFTER_MARKER) + pick(random, ITEM_TEXTS),
      );
    } else if (kind < 0.55) lines.push(pick(random, ['', '', '  ', '\t']));
    else lines.push(pick(random, INDENTS.slice(0, 8)) + pick(random, LINES));
  }
  return `${lines.join('\n')}${pick(random, ['', '\n'])}`;
}

/**
 * Block HTML nested as hand-written pages nest it: elements with every `markdown` value opened
 * and closed at various indents (some end tags closing the wrong element, text after them), with
 * Markdown blocks of every kind between them.
 */
function htmlBlocks(random: Random): string {
  const tags = [
    'div',
    'section',
    'details',
    'center',
    'p',
    'td',
    'figure',
    'blockquote',
    'li',
    'h3',
    'summary',
    'table',
    'tr',
  ];
  const markdown = [
    ' markdown="1"',
    ' markdown="1"',
    ' markdown="block"',
    ' markdown="span"',
    ' markdown="0"',
    '',
    '',
  ];
  const blocks = [
    '* item *em*',
    '1. one',
    '> quote',
    '## Head',
    'para **b**',
    'text <span>s</span>',
    '<!-- c -->',
    '{: .cls}',
    '[^1]',
    '[^1]: note <b>x</b>',
    '*[HTML]: Hyper',
    'HTML and <abbr>x</abbr>',
    '$$x<y$$',
    'Term\n: <div>def</div>',
    '| a | <b>b</b> |',
    '~~~\n<div>\n~~~',
    '{::nomarkdown}<div>{:/}',
    '    code <div>',
    '<img src="a.png">',
    '<br>',
    '&nbsp;<3',
  ];
  const open: string[] = [];
  const lines: string[] = [];
  for (let i = 3 + Math.floor(random() * 12); i > 0; i--) {
    const indent = pick(random, ['', '', '', ' ', '  ', '   ', '    ']);
    const kind = random();
    if (kind < 0.25) {
      const tag = pick(random, tags);
      open.push(tag);
      const attributes = `${pick(random, markdown)}${pick(random, ['', ' class="x"'])}`;
      lines.push(`${indent}<${tag}${attributes}>${pick(random, ['', '', 'text', '*em*'])}`);
    } else if (kind < 0.45 && open.length > 0) {
      const tag = random() < 0.8 ? open.pop() : pick(random, tags);
      lines.push(
        `${indent}${pick(random, ['', '', 'x '])}</${tag}>${pick(random, ['', '', ' after', '\n'])}`,
      );
    } else if (kind < 0.55) lines.push('');
    else lines.push(`${indent}${pick(random, blocks)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Paragraphs dense with span syntax: emphasis and strong runs, code spans, links, images and
 * references, autolinks, quotes, entities, dashes, escapes, strikethrough, line breaks, Unicode.
 */
function spans(random: Random): string {
  const tokens = [
    '*',
    '**',
    '***',
    '_',
    '__',
    '`',
    '``',
    '"',
    "'",
    '[',
    ']',
    '(',
    ')',
    '![',
    '<',
    '>',
    '&amp;',
    '&',
    '&foo;',
    '&#8212;',
    '--',
    '---',
    '...',
    '<<',
    '>>',
    '\\',
    '\\*',
    '~~',
    'a',
    'word',
    ' ',
    ' ',
    ' ',
    '  \n',
    '\\\n',
    '\n',
    '1',
    '80s',
    'x_y',
    'x-',
    'é',
    '日本',
    '😀',
    '\t',
    '[id]',
    '[]',
    '[a b]',
    '<http://x.y>',
    '<a@b.c>',
    '(/u "t")',
    '(</a b>)',
    "it's",
    's',
    '.',
    ',',
  ];
  const paragraph = () => {
    let text = pick(random, ['Text ', 'A ', 'Some ']);
    const count = 3 + Math.floor(random() * 25);
    for (let i = 0; i < count; i++) text += pick(random, tokens);
    return text;
  };
  const paragraphs = Array.from({ length: 1 + Math.floor(random() * 3) }, paragraph);
  return `${paragraphs.join('\n\n')}\n\n[id]: /url "title"\n[a b]: </u v>\n`;
}

/** Words, digits, punctuation and scripts that delimiters land next to. */
const NEIGHBOURS = [
  'a',
  'word',
  '1',
  '2024',
  'x1',
  '.',
  ',',
  '!',
  '?',
  ':',
  ';',
  '-',
  '(',
  ')',
  '"',
  "'",
  '/',
  '日本',
  '語',
  'é',
  'ß',
  '😀',
  ' ',
  ' ',
  ' ',
  '\t',
  '\n',
];

/**
 * Emphasis as kramdown reads it: `*`, `_`, `**`, `__`, `***`, `****` runs next to letters,
 * digits, punctuation, CJK and spaces; unclosed and nested runs, runs inside links and code.
 */
function emphasis(random: Random): string {
  const delimiters = [
    '*',
    '*',
    '_',
    '_',
    '**',
    '__',
    '***',
    '___',
    '****',
    '____',
    '*_',
    '_*',
    '**_',
    '\\*',
    '\\_',
  ];
  const wrappers = [
    (t: string) => `*${t}*`,
    (t: string) => `_${t}_`,
    (t: string) => `**${t}**`,
    (t: string) => `__${t}__`,
    (t: string) => `***${t}***`,
    (t: string) => `*${t}**`,
    (t: string) => `**${t}*`,
    (t: string) => `_${t}*`,
    (t: string) => `__${t}_`,
    (t: string) => `[${t}](/u)`,
    (t: string) => `\`${t}\``,
    (t: string) => `<span>${t}</span>`,
    (t: string) => `* ${t} *`,
    (t: string) => `** ${t}**`,
  ];
  const run = (depth: number): string => {
    let text = '';
    for (let n = 1 + Math.floor(random() * 6); n > 0; n--) {
      const kind = random();
      if (kind < 0.35) text += pick(random, NEIGHBOURS);
      else if (kind < 0.65) text += pick(random, delimiters);
      else if (depth < 3) text += pick(random, wrappers)(run(depth + 1));
      else text += pick(random, ['word', 'x']);
    }
    return text;
  };
  const lines = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
    `${pick(random, ['', '', '', '# ', '* ', '> ', '| '])}${run(0)}`.replace(/\n+$/, ''),
  );
  return `${lines.join(pick(random, ['\n', '\n\n']))}\n`;
}

/**
 * Links and images: inline with spaces, parentheses and angle brackets in the url, titles in
 * every quote style, reference links with odd ids (case, spaces, punctuation, none defined),
 * definitions with and without titles, images, links next to emphasis and code.
 */
function links(random: Random): string {
  const texts = [
    'text',
    'a b',
    '',
    '*em*',
    '`c`',
    'x]',
    '[n]',
    '![i](a.png)',
    'T',
    'ÄÖ',
    'a\nb',
    '\\]',
    '<b>x</b>',
  ];
  const urls = [
    '/u',
    'http://x.y/a b',
    '/a(b)c',
    '/a(b',
    '<http://x y>',
    '<>',
    '<a>b>',
    '',
    ' /u ',
    'a\\)',
    '/u?q=1&r=2',
    '#frag',
    '/ü',
    'a"b',
  ];
  const titles = [
    '',
    ' "t"',
    " 't'",
    ' "a \\"q\\" b"',
    ' "t" ',
    '"t"',
    ' (t)',
    ' "a\'b"',
    " 'it's'",
    ' "x\ny"',
    ' "t',
    '  "t"  ',
  ];
  const ids = ['id', 'ID', 'a b', 'a  b', 'x.y', '1', 'n/a', 'ü', 'u*v*', 'none', '^f', 'a]b', ' sp', 'Case'];
  const inline = () => {
    const image = random() < 0.25 ? '!' : '';
    const kind = random();
    if (kind < 0.5) return `${image}[${pick(random, texts)}](${pick(random, urls)}${pick(random, titles)})`;
    if (kind < 0.7) return `${image}[${pick(random, texts)}][${pick(random, ids)}]`;
    if (kind < 0.8) return `${image}[${pick(random, ids)}][]`;
    if (kind < 0.9) return `${image}[${pick(random, ids)}]`;
    return `${image}[${pick(random, texts)}]${pick(random, [' ', '\n', ''])}[${pick(random, ids)}]`;
  };
  const definition = () =>
    `${pick(random, ['', ' ', '   '])}[${pick(random, ids)}]:${pick(random, [' ', '', '\t'])}${pick(random, ['/d', '<http://d e>', 'http://d.e/f', '<>', '"q"'])}${pick(random, ['', ' "T"', " 'T'", ' (T)', '\n  "T"', ' "T" x'])}`;
  const pieces = ['Text ', ' ', ', ', '*', '**', '`', '(', ')', '[', ']', '!', '<', '"', 'word'];
  const blocks: string[] = [];
  for (let n = 1 + Math.floor(random() * 5); n > 0; n--) {
    if (random() < 0.3) blocks.push(definition());
    else {
      let text = '';
      for (let k = 1 + Math.floor(random() * 6); k > 0; k--)
        text += random() < 0.55 ? inline() : pick(random, pieces);
      blocks.push(text);
    }
  }
  return `${blocks.join(pick(random, ['\n', '\n\n']))}\n`;
}

/**
 * Tables: rows with and without leading and trailing pipes, with and without a separator row,
 * alignment rows (`:-`, `-:`, `:-:`, `+`), footer rows, HTML lines inside, escaped pipes, code
 * spans and `<code>` holding pipes, ragged rows, text right before and after.
 */
function tables(random: Random): string {
  const cells = [
    'a',
    ' b ',
    '',
    '*em*',
    '`a|b`',
    '``a`|`b``',
    '<code>x|y</code>',
    'a\\|b',
    '[l](u|v)',
    '<b>x</b>',
    '1',
    '日本',
    '\\',
    '`x`',
  ];
  const row = () => {
    const count = 1 + Math.floor(random() * 4);
    const parts = Array.from({ length: count }, () => pick(random, cells));
    const lead = pick(random, ['|', '| ', '', ' |', '  |']);
    const tail = pick(random, ['|', ' |', '', '| ', '\\|']);
    return `${lead}${parts.join(pick(random, ['|', ' | ', '  |']))}${tail}`;
  };
  const separator = () => {
    const count = 1 + Math.floor(random() * 4);
    const parts = Array.from({ length: count }, () =>
      pick(random, ['---', ':--', '--:', ':-:', '-', ' --- ', ':---:', '-+-']),
    );
    return `${pick(random, ['|', '', ' |'])}${parts.join(pick(random, ['|', '+']))}${pick(random, ['|', '', '+'])}`;
  };
  const lines: string[] = [];
  for (let n = 2 + Math.floor(random() * 8); n > 0; n--) {
    const kind = random();
    if (kind < 0.5) lines.push(row());
    else if (kind < 0.65) lines.push(separator());
    else if (kind < 0.7) lines.push(pick(random, ['|===|', '|====|====|', '= | =']));
    else if (kind < 0.78)
      lines.push(
        pick(random, ['<div>x|y</div>', '<table><tr><td>a|b</td></tr></table>', '<!-- | -->', '<br>|']),
      );
    else if (kind < 0.86) lines.push(pick(random, ['', '', 'Text before', '> | q |', '- | li |', '{: .c}']));
    else lines.push(pick(random, ['plain | text', 'a|b', '\\| x', '`|` only', '|']));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Openers that may never close (`*`, `_`, `**`, `__`, `[`, `![`) mixed with what their parse
 * ahead meets: links defined and not, HTML closed and not, IALs, extensions, footnote markers,
 * options changed mid-paragraph. kramdown parses the text ahead of each opener and again as text.
 */
function openers(random: Random): string {
  const pieces = [
    '*a ',
    '_a ',
    '**a ',
    '__a ',
    '[a ',
    '![a ',
    '[a](',
    '*',
    '_',
    '**',
    'b* ',
    'b_ ',
    'c** ',
    ']',
    '[x]',
    '[y]',
    '[^1]',
    '<b>',
    '<span>',
    '</span>',
    '<em>x</em>',
    '{:a}',
    '{: .c}',
    '{::comment}x{:/}',
    '{::options parse_span_html="false" /}',
    '![i](u)',
    '`',
    '(',
    ')',
    '~~',
    '"',
    ' ',
    'a',
    '\n',
  ];
  const paragraphs = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
    let text = '';
    for (let n = 1 + Math.floor(random() * 14); n > 0; n--) text += pick(random, pieces);
    return text;
  });
  const definitions = random() < 0.3 ? '\n[x]: /u\n[^1]: A note.\n' : '';
  return `${paragraphs.join('\n\n')}\n${definitions}`;
}

/**
 * Images nested in one another, closed or not, giving up (no definition, no `)`) or not, around
 * what their texts' parses meet: emphasis, HTML, IALs, footnote markers, links, options changed
 * inside. kramdown reads each image's text again inside the one around it (exponential: a dozen
 * pieces keep it quick).
 */
function images(random: Random): string {
  const pieces = [
    '![a ',
    '![',
    '![a ',
    ']',
    '] ',
    ']] ',
    '](',
    '](/u) ',
    '][] ',
    '][x] ',
    '[a ',
    '*b* ',
    '*',
    '<i>',
    '</i>',
    '{:x}',
    '{: .c}',
    '[^1]',
    '[x]',
    '"q" ',
    '{::options smart_quotes="apos,apos,quot,quot" /}',
    '\n',
  ];
  const paragraphs = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
    let text = '';
    for (let n = 1 + Math.floor(random() * 12); n > 0; n--) text += pick(random, pieces);
    return text;
  });
  const definitions = random() < 0.3 ? '\n[x]: /u\n[^1]: A note.\n' : '';
  return `${paragraphs.join('\n\n')}\n${definitions}`;
}

export const GENERATORS = {
  lists,
  code,
  blocks,
  tight,
  html,
  rules,
  'html-blocks': htmlBlocks,
  spans,
  emphasis,
  links,
  tables,
  openers,
  images,
};
