/**
 * What each page should have on its own: a title, ids used once, alt text on images, and no
 * resource loaded over plain http:// (which browsers block or flag on an https:// site).
 */
import { type Reference, referencesOf } from './links.ts';
import type { Finding } from './problem.ts';
import type { BuiltPage, BuiltSite } from './site.ts';

export function checkPage(site: BuiltSite, page: BuiltPage): Finding[] {
  return [...title(page), ...duplicateIds(page), ...missingAlt(page), ...mixedContent(site, page)];
}

function title(page: BuiltPage): Finding[] {
  const { parsed } = page;
  // A fragment (a Google verification file, an include served as is) or a redirect has no need of one.
  if (!parsed.isDocument || parsed.title?.trim()) return [];
  if (
    parsed.elements.some((e) => e.name === 'meta' && e.attributes['http-equiv']?.toLowerCase() === 'refresh')
  )
    return [];
  return [
    {
      severity: 'warning',
      rule: 'missing-title',
      message: parsed.title === undefined ? 'the page has no <title>' : 'the page has an empty <title>',
      hint:
        page.origin === 'rendered'
          ? 'Give the page `title: …` in its front matter; if it has one, the layout must write it in <title> inside <head>.'
          : 'Add <title>…</title> inside <head>: tabs, bookmarks and search results show it.',
    },
  ];
}

function duplicateIds(page: BuiltPage): Finding[] {
  const findings: Finding[] = [];
  for (const [id, lines] of page.parsed.ids) {
    if (lines.length < 2) continue;
    const footnote = /^fn(ref)?:/.test(id);
    findings.push({
      severity: 'error',
      rule: 'duplicate-id',
      message: `id="${id}" is used ${lines.length} times`,
      hint: footnote
        ? 'Footnotes of several posts are on this page (a list of posts with their contents or excerpts), and each post numbers its own from 1, ' +
          `so #${id} jumps to the first one. Keep footnotes out of excerpts (the first paragraph), or name each post's footnotes apart ([^ober-1]).`
        : `An id must be unique in a page: links to #${id}, labels and scripts find only the first. Rename one, or remove the markup written twice (an include used twice on the page?).`,
      outputLine: lines[1],
      needles: [`id="${id}"`, `id='${id}'`],
    });
  }
  return findings;
}

function missingAlt(page: BuiltPage): Finding[] {
  const findings: Finding[] = [];
  for (const element of page.parsed.elements) {
    if (element.name !== 'img' || element.attributes.alt !== undefined) continue;
    if (element.attributes['aria-hidden'] === 'true') continue;
    const src = element.attributes.src ?? '';
    const shown = src.length > 100 ? `${src.slice(0, 97)}...` : src;
    findings.push({
      severity: 'warning',
      rule: 'missing-alt',
      message: `<img src="${shown}"> has no alt text`,
      hint: 'Describe the image for people who cannot see it: alt="…" in HTML, ![description](…) in Markdown; write alt="" for an image that is only decoration.',
      outputLine: element.line,
      needles: src ? [src] : undefined,
    });
  }
  return findings;
}

/** `<link rel>` values whose address the browser loads. */
const LOADED_LINKS = new Set([
  'stylesheet',
  'icon',
  'shortcut',
  'apple-touch-icon',
  'mask-icon',
  'manifest',
  'preload',
  'modulepreload',
  'prefetch',
]);

function isLoaded(reference: Reference): boolean {
  const { element } = reference;
  if (element.name === 'a' || element.name === 'area' || element.name === 'meta') return false;
  if (element.name !== 'link') return true;
  return (element.attributes.rel ?? '')
    .toLowerCase()
    .split(/\s+/)
    .some((rel) => LOADED_LINKS.has(rel));
}

function mixedContent(site: BuiltSite, page: BuiltPage): Finding[] {
  const findings: Finding[] = [];
  for (const element of page.parsed.elements) {
    for (const reference of referencesOf(element)) {
      if (!/^\s*http:\/\//i.test(reference.value) || !isLoaded(reference)) continue;
      const value = reference.value.trim();
      let host = '';
      try {
        host = new URL(value).host;
      } catch {
        continue; // not an address at all: the link check reports it
      }
      const own = site.siteUrl !== undefined && site.siteUrl.host === host;
      findings.push({
        severity: 'warning',
        rule: 'mixed-content',
        message: `<${element.name} ${reference.attribute}="${value}"> loads over http:// on a page served over https://`,
        hint: own
          ? `This is the site's own address: write \`url: ${site.siteUrl?.href.replace(/^http:/, 'https:').replace(/\/$/, '')}\` in _config.yml.`
          : 'Browsers block scripts, stylesheets and frames loaded over http:// on an https:// page, and mark the page not secure for images and media. Write https:// (most servers offer it), or copy the file into the site.',
        outputLine: element.line,
        needles: [value],
      });
    }
  }
  return findings;
}
