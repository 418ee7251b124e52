/**
 * Writes the theme's inline SVG icons (`theme/_includes/icons/NAME.svg`) from two maintained
 * icon sets: Simple Icons (brands, CC0) and Lucide (interface, ISC). Run it after upgrading
 * either package: `node --import tsx tools/icons.ts`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'theme/_includes/icons');

/** Theme name → Simple Icons slug. */
const BRANDS: Record<string, string> = {
  arxiv: 'arxiv',
  bitbucket: 'bitbucket',
  bluesky: 'bluesky',
  dblp: 'dblp',
  facebook: 'facebook',
  github: 'github',
  gitlab: 'gitlab',
  googlescholar: 'googlescholar',
  huggingface: 'huggingface',
  inspire: 'inspire',
  instagram: 'instagram',
  kaggle: 'kaggle',
  keybase: 'keybase',
  mastodon: 'mastodon',
  mendeley: 'mendeley',
  orcid: 'orcid',
  osf: 'osf',
  publons: 'publons',
  researchgate: 'researchgate',
  scopus: 'scopus',
  semanticscholar: 'semanticscholar',
  stackoverflow: 'stackoverflow',
  threads: 'threads',
  wikipedia: 'wikipedia',
  x: 'x',
  youtube: 'youtube',
  zotero: 'zotero',
};

/** Theme name → Lucide name. */
const INTERFACE: Record<string, string> = {
  'arrow-up': 'arrow-up',
  award: 'award',
  book: 'book-open',
  calendar: 'calendar',
  'chevron-left': 'chevron-left',
  'chevron-right': 'chevron-right',
  clock: 'clock',
  close: 'x',
  code: 'code',
  copy: 'copy',
  download: 'download',
  'external-link': 'external-link',
  file: 'file-text',
  folder: 'folder',
  globe: 'globe',
  'graduation-cap': 'graduation-cap',
  link: 'link',
  linkedin: 'briefcase-business', // Simple Icons no longer carries LinkedIn's mark
  mail: 'mail',
  'map-pin': 'map-pin',
  menu: 'menu',
  moon: 'moon',
  newspaper: 'newspaper',
  presentation: 'presentation',
  printer: 'printer',
  quote: 'quote',
  rss: 'rss',
  search: 'search',
  sun: 'sun',
  tag: 'tag',
  user: 'user',
  building: 'building-2',
};

function brand(slug: string): string {
  const svg = readFileSync(path.join(root, 'node_modules/simple-icons/icons', `${slug}.svg`), 'utf8');
  const d = /<path d="([^"]+)"/.exec(svg)?.[1];
  if (!d) throw new Error(`no path in simple-icons/${slug}.svg`);
  return `<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="currentColor"><path d="${d}"/></svg>`;
}

function ui(name: string): string {
  const svg = readFileSync(path.join(root, 'node_modules/lucide-static/icons', `${name}.svg`), 'utf8');
  const body = svg
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^[\s\S]*?<svg[^>]*>/, '')
    .replace(/<\/svg>[\s\S]*$/, '')
    .replace(/\s*\n\s*/g, '')
    .replace(/ \/>/g, '/>');
  return `<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;
}

mkdirSync(out, { recursive: true });
for (const [name, slug] of Object.entries(BRANDS)) writeFileSync(path.join(out, `${name}.svg`), brand(slug));
for (const [name, lucide] of Object.entries(INTERFACE))
  writeFileSync(path.join(out, `${name}.svg`), ui(lucide));
console.log(
  `${Object.keys(BRANDS).length + Object.keys(INTERFACE).length} icons written to ${path.relative(root, out)}`,
);
