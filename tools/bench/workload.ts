/**
 * Synthetic blogs for the benchmarks: N Markdown posts (a few paragraphs, a list, a code span,
 * a link) with a layout chain, includes, navigation from `_data`, a home page listing the ten
 * newest posts, a feed and a sitemap. Written as a Jekyll site; the same content and templates
 * for other tools come later (issue 6).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const WORDS =
  'research model data learning network graph theory method result analysis experiment paper sample bound proof optimal federated training evaluation dataset'.split(
    ' ',
  );

function sentence(seed: number, length = 14): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[(seed * 7 + i * 13) % WORDS.length]);
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

export function postName(i: number): string {
  const day = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  return `_posts/${day}-post-${i}.md`;
}

export function postText(i: number, extra = ''): string {
  const paragraphs = [0, 1, 2, 3].map(
    (p) => `${sentence(i + p)} ${sentence(i + p + 1)} ${sentence(i + p + 2)}`,
  );
  return [
    '---',
    `title: "Post number ${i}"`,
    `tags: [${WORDS[i % WORDS.length]}, ${WORDS[(i + 3) % WORDS.length]}]`,
    '---',
    paragraphs[0],
    '',
    `## Section ${i}`,
    '',
    paragraphs[1],
    '',
    `- item with \`code ${i}\``,
    `- item with [a link](https://example.org/${i})`,
    '- item with **bold** text',
    '',
    paragraphs[2],
    '',
    paragraphs[3],
    extra,
    '',
  ].join('\n');
}

export function writeJekyllWorkload(root: string, count: number): void {
  rmSync(root, { recursive: true, force: true });
  const files: Record<string, string> = {
    '_config.yml': [
      'title: Benchmark Lab',
      'url: https://bench.example.org',
      'permalink: /:year/:month/:day/:title/',
      'plugins: [jekyll-feed, jekyll-sitemap]',
      'defaults:',
      '  - scope: {path: "", type: posts}',
      '    values: {layout: post}',
      '',
    ].join('\n'),
    '_layouts/default.html':
      '<!doctype html>\n<html lang="en">\n<head>{% include head.html %}</head>\n<body>\n{% include nav.html %}\n<main>{{ content }}</main>\n{% include footer.html %}\n</body>\n</html>\n',
    '_layouts/post.html':
      '---\nlayout: default\n---\n<article><h1>{{ page.title | escape }}</h1><time>{{ page.date | date: "%B %-d, %Y" }}</time>{{ content }}<p>{% for tag in page.tags %}<span class="tag">{{ tag }}</span>{% endfor %}</p></article>\n',
    '_includes/head.html':
      '<meta charset="utf-8"><title>{% if page.title %}{{ page.title | escape }} | {% endif %}{{ site.title }}</title><link rel="stylesheet" href="{{ "/assets/style.css" | relative_url }}">\n',
    '_includes/nav.html':
      '<nav>{% for link in site.data.navigation %}<a href="{{ link.url | relative_url }}">{{ link.title }}</a>{% endfor %}</nav>\n',
    '_includes/footer.html': '<footer>&copy; {{ site.time | date: "%Y" }} {{ site.title }}</footer>\n',
    '_data/navigation.yml': '- title: Home\n  url: /\n- title: About\n  url: /about/\n',
    'index.html':
      '---\nlayout: default\ntitle: Home\n---\n<ul>{% for post in site.posts limit: 10 %}<li><a href="{{ post.url | relative_url }}">{{ post.title }}</a> {{ post.excerpt | strip_html | truncatewords: 20 }}</li>{% endfor %}</ul>\n',
    'about.md': '---\nlayout: default\ntitle: About\npermalink: /about/\n---\nA benchmark site.\n',
    'assets/style.css': 'body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: auto; }\n',
  };
  for (let i = 0; i < count; i++) files[postName(i)] = postText(i);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
