/**
 * Synthetic blogs for the benchmarks: N Markdown posts (a few paragraphs, a list, a code span,
 * a link) with a layout chain, includes, navigation from a data file, a home page listing the ten
 * newest posts with an excerpt, an about page, a stylesheet, a feed and a sitemap. The same posts
 * and the same HTML, written once for each tool in its own idiom: Jekyll, Hugo and Eleventy.
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

/** Post i's day, one a day from 2000-01-01: `2000-01-05`. */
/** Four posts a day from 1990: 16,000 posts end in 2000, none in the future (which Jekyll skips). */
export function postDate(i: number): string {
  return new Date(Date.UTC(1990, 0, 1) + Math.floor(i / 4) * 86_400_000).toISOString().slice(0, 10);
}

export function postName(i: number): string {
  return `_posts/${postDate(i)}-post-${i}.md`;
}

/** Post i's Markdown; `date` goes into the front matter, for tools whose file names carry none. */
export function postText(i: number, extra = '', date?: string): string {
  const paragraphs = [0, 1, 2, 3].map(
    (p) => `${sentence(i + p)} ${sentence(i + p + 1)} ${sentence(i + p + 2)}`,
  );
  return [
    '---',
    `title: "Post number ${i}"`,
    ...(date ? [`date: ${date}`] : []),
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

const STYLE = 'body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: auto; }\n';

/** The HTML page around every page's content; each tool fills in its own template tags. */
function page(head: string, nav: string, content: string, footer: string): string {
  return `<!doctype html>\n<html lang="en">\n<head>${head}</head>\n<body>\n${nav}\n<main>${content}</main>\n${footer}\n</body>\n</html>\n`;
}

function writeFiles(root: string, files: Record<string, string>): void {
  rmSync(root, { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

export function writeJekyllWorkload(root: string, count: number): void {
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
    '_layouts/default.html': page(
      '{% include head.html %}',
      '{% include nav.html %}',
      '{{ content }}',
      '{% include footer.html %}',
    ),
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
    'assets/style.css': STYLE,
  };
  for (let i = 0; i < count; i++) files[postName(i)] = postText(i);
  writeFiles(root, files);
}

/** The ten newest posts, newest first, in Hugo's template language. */
const HUGO_NEWEST = 'first 10 (where site.RegularPages.ByDate.Reverse "Section" "posts")';

export function writeHugoWorkload(root: string, count: number): void {
  const files: Record<string, string> = {
    'hugo.toml': [
      'baseURL = "https://bench.example.org/"',
      'title = "Benchmark Lab"',
      // Jekyll writes no tag pages, no section index and no 404 page here: Hugo neither.
      // The home page's RSS feed and the sitemap stay on, as jekyll-feed and jekyll-sitemap.
      'disableKinds = ["taxonomy", "term", "section", "404"]',
      '[permalinks]',
      '  posts = "/:year/:month/:day/:filename/"',
      '',
    ].join('\n'),
    'layouts/_default/baseof.html': page(
      '{{ partial "head.html" . }}',
      '{{ partial "nav.html" . }}',
      '{{ block "main" . }}{{ end }}',
      '{{ partial "footer.html" . }}',
    ),
    'layouts/posts/single.html':
      '{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "January 2, 2006" }}</time>{{ .Content }}<p>{{ range .Params.tags }}<span class="tag">{{ . }}</span>{{ end }}</p></article>{{ end }}\n',
    'layouts/_default/single.html': '{{ define "main" }}{{ .Content }}{{ end }}\n',
    // The home page; Jekyll's excerpt is the first paragraph, Hugo's summary its first words.
    'layouts/_default/list.html': `{{ define "main" }}<ul>{{ range ${HUGO_NEWEST} }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ delimit (first 20 (split (.Summary | plainify) " ")) " " }}...</li>{{ end }}</ul>{{ end }}\n`,
    // Full posts in the feed, as jekyll-feed writes them (Hugo's built-in RSS has summaries).
    'layouts/_default/rss.xml': `{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}\n<rss version="2.0"><channel><title>{{ site.Title }}</title><link>{{ .Permalink }}</link>\n{{ range ${HUGO_NEWEST} }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate><description>{{ .Content | html }}</description></item>\n{{ end }}</channel></rss>\n`,
    'layouts/partials/head.html':
      '<meta charset="utf-8"><title>{{ with .Title }}{{ . }} | {{ end }}{{ site.Title }}</title><link rel="stylesheet" href="{{ "/assets/style.css" | relURL }}">\n',
    'layouts/partials/nav.html':
      '<nav>{{ range site.Data.navigation }}<a href="{{ .url | relURL }}">{{ .title }}</a>{{ end }}</nav>\n',
    'layouts/partials/footer.html': '<footer>&copy; {{ now.Year }} {{ site.Title }}</footer>\n',
    'data/navigation.yaml': '- title: Home\n  url: /\n- title: About\n  url: /about/\n',
    'content/_index.md': '---\ntitle: Home\n---\n',
    'content/about.md': '---\ntitle: About\n---\nA benchmark site.\n',
    'static/assets/style.css': STYLE,
  };
  for (let i = 0; i < count; i++) files[`content/posts/post-${i}.md`] = postText(i, '', postDate(i));
  writeFiles(root, files);
}

/** The ten newest posts, newest first, in Liquid. */
const ELEVENTY_NEWEST = '{% assign newest = collections.posts | reverse %}{% for post in newest limit: 10 %}';

export function writeEleventyWorkload(root: string, count: number): void {
  const files: Record<string, string> = {
    'eleventy.config.mjs': [
      'export default function (eleventyConfig) {',
      // Dates are whole UTC days, as Jekyll reads them from file names.
      '  eleventyConfig.setLiquidOptions({ timezoneOffset: 0 });',
      "  eleventyConfig.addPassthroughCopy('assets');",
      "  eleventyConfig.addCollection('posts', (api) => api.getFilteredByGlob('**/posts/*.md'));",
      "  return { dir: { includes: '_includes', layouts: '_layouts', data: '_data' } };",
      '}',
      '',
    ].join('\n'),
    'posts/posts.json': JSON.stringify({
      layout: 'post.html',
      permalink: "/{{ page.date | date: '%Y/%m/%d' }}/{{ page.fileSlug }}/",
    }),
    '_layouts/default.html': page(
      "{% include 'head.html' %}",
      "{% include 'nav.html' %}",
      '{{ content }}',
      "{% include 'footer.html' %}",
    ),
    '_layouts/post.html':
      '---\nlayout: default.html\n---\n<article><h1>{{ title | escape }}</h1><time>{{ page.date | date: "%B %-d, %Y" }}</time>{{ content }}<p>{% for tag in tags %}<span class="tag">{{ tag }}</span>{% endfor %}</p></article>\n',
    '_includes/head.html':
      '<meta charset="utf-8"><title>{% if title %}{{ title | escape }} | {% endif %}{{ site.title }}</title><link rel="stylesheet" href="{{ "/assets/style.css" | url }}">\n',
    '_includes/nav.html':
      '<nav>{% for link in navigation %}<a href="{{ link.url | url }}">{{ link.title }}</a>{% endfor %}</nav>\n',
    '_includes/footer.html': '<footer>&copy; {{ "now" | date: "%Y" }} {{ site.title }}</footer>\n',
    '_data/site.json': JSON.stringify({ title: 'Benchmark Lab', url: 'https://bench.example.org' }),
    '_data/navigation.json': JSON.stringify([
      { title: 'Home', url: '/' },
      { title: 'About', url: '/about/' },
    ]),
    'index.html': `---\nlayout: default.html\ntitle: Home\n---\n<ul>${ELEVENTY_NEWEST}<li><a href="{{ post.url | url }}">{{ post.data.title }}</a> {{ post.content | strip_html | truncatewords: 20 }}</li>{% endfor %}</ul>\n`,
    'about.md': '---\nlayout: default.html\ntitle: About\npermalink: /about/\n---\nA benchmark site.\n',
    // Feed and sitemap as plain Liquid templates: the official plugins would be one more install.
    'feed.liquid': `---\npermalink: /feed.xml\neleventyExcludeFromCollections: true\n---\n<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>{{ site.title }}</title><id>{{ site.url }}/</id><link href="{{ site.url }}/feed.xml" rel="self"/>\n${ELEVENTY_NEWEST}<entry><title>{{ post.data.title | escape }}</title><link href="{{ site.url }}{{ post.url }}"/><id>{{ site.url }}{{ post.url }}</id><updated>{{ post.date | date: "%Y-%m-%dT%H:%M:%SZ" }}</updated><content type="html">{{ post.content | escape }}</content></entry>\n{% endfor %}</feed>\n`,
    'sitemap.liquid':
      '---\npermalink: /sitemap.xml\neleventyExcludeFromCollections: true\n---\n<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{% for entry in collections.all %}<url><loc>{{ site.url }}{{ entry.url }}</loc><lastmod>{{ entry.date | date: "%Y-%m-%d" }}</lastmod></url>\n{% endfor %}</urlset>\n',
    'assets/style.css': STYLE,
  };
  for (let i = 0; i < count; i++) files[`posts/post-${i}.md`] = postText(i, '', postDate(i));
  writeFiles(root, files);
}
