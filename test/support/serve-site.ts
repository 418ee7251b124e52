/**
 * A small academic site for the `serve` tests: layouts with includes, navigation and news from
 * `_data`, posts listed on the home page with previous/next links, a publications collection,
 * a Sass stylesheet with a partial, a static image, a 404 page, a feed and a sitemap.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/build.ts';
import { tempDir, tempSite } from './temp-site.ts';

export const SERVE_SITE: Record<string, string> = {
  '_config.yml': [
    'title: Dr. Ada Example',
    'url: https://ada.example.org',
    'plugins: [jekyll-feed, jekyll-sitemap]',
    'collections:',
    '  publications:',
    '    output: true',
    '    permalink: /publications/:path/',
    '',
  ].join('\n'),
  '_layouts/default.html': [
    '<!doctype html>',
    '<html lang="en">',
    '<head>{% include head.html %}</head>',
    '<body>',
    '<nav>{% for link in site.data.navigation %}<a href="{{ link.url | relative_url }}">{{ link.title }}</a> {% endfor %}</nav>',
    '<main id="main">{{ content }}</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n'),
  '_layouts/post.html': [
    '---',
    'layout: default',
    '---',
    '<article><h1 id="title">{{ page.title }}</h1>{{ content }}</article>',
    '{% if page.previous %}<a rel="prev" href="{{ page.previous.url | relative_url }}">{{ page.previous.title }}</a>{% endif %}',
    '{% if page.next %}<a rel="next" href="{{ page.next.url | relative_url }}">{{ page.next.title }}</a>{% endif %}',
    '',
  ].join('\n'),
  '_includes/head.html':
    '<meta charset="utf-8"><title>{{ page.title }} | {{ site.title }}</title><link rel="stylesheet" href="{{ \'/assets/css/main.css\' | relative_url }}">\n',
  '_includes/note.html': '<aside class="note">A note from an include.</aside>\n',
  '_data/navigation.yml': '- title: Home\n  url: /\n- title: About\n  url: /about/\n',
  '_data/news.yml': '- date: 2024-03-01\n  text: Paper accepted at *ICML*.\n',
  'index.md': [
    '---',
    'layout: default',
    'title: Home',
    '---',
    '# Welcome',
    '',
    '{% for item in site.data.news %}<p class="news">{{ item.text | markdownify | strip_html | strip }}</p>{% endfor %}',
    '',
    '<ul id="posts">{% for post in site.posts %}<li>{{ post.title }}</li>{% endfor %}</ul>',
    '',
    '<ul id="papers">{% for paper in site.publications %}<li>{{ paper.title }}</li>{% endfor %}</ul>',
    '',
  ].join('\n'),
  'about.md': '---\nlayout: default\ntitle: About\npermalink: /about/\n---\nI study *examples*.\n',
  '_posts/2024-01-10-first.md': '---\nlayout: post\ntitle: First post\n---\nThe first post.\n',
  '_posts/2024-02-20-second.md':
    '---\nlayout: post\ntitle: Second post\n---\nThe second post.\n\n{% include note.html %}\n',
  '_publications/paper.md': '---\nlayout: default\ntitle: A Paper\n---\nAbstract of the paper.\n',
  'assets/css/main.scss': '---\n---\n@import "base";\n',
  '_sass/_base.scss': '$accent: rgb(0, 0, 255);\nbody { color: $accent; }\n',
  'assets/images/pixel.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n',
  '404.html':
    '---\nlayout: default\ntitle: Not found\n---\n<p id="not-found">This page does not exist.</p>\n',
};

export function serveSite(): string {
  return tempSite(SERVE_SITE);
}

/** Write (or with `undefined`, delete) files of a site. */
export function edit(root: string, files: Record<string, string | undefined>): string[] {
  const paths: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    paths.push(file);
    if (text === undefined) rmSync(file, { force: true });
    else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  return paths;
}

/** Every file under a folder, relative, with its bytes. */
export function readTree(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(root, full).split(path.sep).join('/'), readFileSync(full));
    }
  };
  walk(root);
  return files;
}

/** An incremental destination must be byte for byte what a full build of the same source writes. */
export async function assertSameAsFullBuild(source: string, destination: string, time: Date): Promise<void> {
  const fresh = tempDir('scholarsite-full-');
  await build({ source, destination: fresh, time, print: () => {}, diskCache: false });
  const expected = readTree(fresh);
  const actual = readTree(destination);
  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
  for (const [file, bytes] of expected) {
    assert.equal(actual.get(file)?.toString(), bytes.toString(), `${file} differs from a full build`);
  }
  rmSync(fresh, { recursive: true, force: true });
}
