/**
 * Internal links, anchors, images and files: every address a built page names is resolved as a
 * browser would (against the page's URL, `<base>`, the site's folder and its own absolute `url`)
 * and looked up among the built files as GitHub Pages serves them (`/about` finds `about.html`,
 * `/about/` finds `about/index.html`). Addresses on other sites are collected for `--external`.
 */
import type { Element } from './parse.ts';
import { closest, type Finding } from './problem.ts';
import type { BuiltPage, BuiltSite } from './site.ts';

/** What an address is used for: a page to go to, an image to show, or a file to load. */
export type ReferenceKind = 'page' | 'image' | 'file';

export interface Reference {
  element: Element;
  attribute: string;
  /** The address as written (entities decoded). */
  value: string;
  kind: ReferenceKind;
}

/** Where an address leads. */
export type Target =
  | { kind: 'skip' }
  | { kind: 'invalid' }
  | { kind: 'external'; url: string }
  /** A root-relative address that misses the folder the site is served from. */
  | { kind: 'outside'; path: string }
  /** A file of this site: `path` is relative to the output folder, decoded; `''` is the home page. */
  | { kind: 'local'; path: string; fragment: string | undefined };

/** Pages on other sites, with where each is linked from. */
export type ExternalLinks = Map<string, { page: BuiltPage; reference: Reference }[]>;

/** `<link rel>` values that name another server, not a file. */
const NOT_A_FILE = new Set(['preconnect', 'dns-prefetch']);

/** Every address an element names, with what it is for (CSS addresses: see css.ts). */
export function referencesOf(element: Element): Reference[] {
  const { name, attributes } = element;
  const found: Reference[] = [];
  const add = (attribute: string, kind: ReferenceKind) => {
    const value = attributes[attribute];
    if (value === undefined) return;
    if (attribute === 'srcset') {
      // `a.png 1x, b.png 2x`: each candidate is an address and a descriptor.
      for (const candidate of value.split(/,\s+|,$/)) {
        const address = candidate.trim().split(/\s+/)[0];
        if (address) found.push({ element, attribute, value: address, kind });
      }
    } else found.push({ element, attribute, value, kind });
  };
  switch (name) {
    case 'a':
    case 'area':
      add('href', 'page');
      break;
    case 'iframe':
      add('src', 'page');
      break;
    case 'link': {
      const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
      if (rel.some((value) => NOT_A_FILE.has(value))) break;
      add('href', rel.includes('canonical') ? 'page' : 'file');
      break;
    }
    case 'img':
      add('src', 'image');
      add('srcset', 'image');
      break;
    case 'input':
      if (attributes.type?.toLowerCase() === 'image') add('src', 'image');
      break;
    case 'video':
      add('src', 'file');
      add('poster', 'image');
      break;
    case 'source':
      add('src', 'file');
      add('srcset', 'image');
      break;
    case 'script':
    case 'audio':
    case 'embed':
    case 'track':
      add('src', 'file');
      break;
    case 'object':
      add('data', 'file');
      break;
    case 'url()': {
      // In CSS (see css.ts): an image unless its name says otherwise (a font, a stylesheet).
      const file = (attributes.url ?? '').replace(/[?#].*$/, '');
      add('url', /\.(?:css|woff2?|ttf|otf|eot)$/i.test(file) ? 'file' : 'image');
      break;
    }
    case 'meta': {
      // jekyll-redirect-from's pages: <meta http-equiv="refresh" content="0; url=/new/">
      const refresh = attributes['http-equiv']?.toLowerCase() === 'refresh';
      const url = refresh ? /;\s*url\s*=\s*['"]?([^'"]+)/i.exec(attributes.content ?? '')?.[1] : undefined;
      if (url) found.push({ element, attribute: 'content', value: url.trim(), kind: 'page' });
      break;
    }
  }
  return found;
}

const PLACEHOLDER_ORIGIN = 'http://scholarsite.invalid';

/** Where an address written in a page leads. */
function resolveReference(site: BuiltSite, page: BuiltPage, value: string): Target {
  const text = value.trim();
  if (text === '') return { kind: 'skip' };
  // mailto:, tel:, javascript:, data:, ftp:… are not pages of any site to look up.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1].toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') return { kind: 'skip' };
  let url: URL;
  try {
    let base = new URL(encodeURI(page.urlPath), PLACEHOLDER_ORIGIN);
    if (page.parsed.base) base = new URL(page.parsed.base, base);
    // `//host/x` takes the page's scheme: https, where sites are served.
    url = text.startsWith('//') ? new URL(`https:${text}`) : new URL(text, base);
  } catch {
    return { kind: 'invalid' };
  }
  // GitHub Pages serves `//` in a path as `/`.
  const pathname = url.pathname.replace(/\/{2,}/g, '/');
  const ownSite =
    url.origin === PLACEHOLDER_ORIGIN ||
    (site.siteUrl !== undefined && url.host === site.siteUrl.host && isInside(pathname, site.basePath));
  if (!ownSite) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'skip' };
    return { kind: 'external', url: url.href.replace(/#.*$/, '') };
  }
  if (!isInside(pathname, site.basePath)) return { kind: 'outside', path: pathname };
  let path: string;
  try {
    path = pathname
      .slice(site.basePath.length)
      .replace(/^\//, '')
      .split('/')
      .map((segment) => decodeURIComponent(segment))
      .join('/');
  } catch {
    return { kind: 'invalid' };
  }
  return { kind: 'local', path, fragment: url.hash ? decodeFragment(url.hash.slice(1)) : undefined };
}

function isInside(pathname: string, folder: string): boolean {
  return folder === '' || pathname === folder || pathname.startsWith(`${folder}/`);
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** The built file GitHub Pages answers with for a path, if any. */
function findOutput(site: BuiltSite, path: string): string | undefined {
  const candidates =
    path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}.html`, `${path}/index.html`];
  return candidates.find((candidate) => site.files.has(candidate));
}

/** Broken internal links, anchors, images and files of one page; external addresses go to `external`. */
export function checkLinks(site: BuiltSite, page: BuiltPage, external: ExternalLinks): Finding[] {
  const findings: Finding[] = [];
  for (const element of page.parsed.elements) {
    for (const reference of referencesOf(element)) {
      const target = resolveReference(site, page, reference.value);
      if (target.kind === 'external') {
        const uses = external.get(target.url);
        if (uses) uses.push({ page, reference });
        else external.set(target.url, [{ page, reference }]);
        continue;
      }
      const finding = problemWith(site, page, reference, target);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

function problemWith(
  site: BuiltSite,
  page: BuiltPage,
  reference: Reference,
  target: Target,
): Finding | undefined {
  const { value, element } = reference;
  const shown = value.length > 120 ? `${value.slice(0, 117)}...` : value;
  const at = { outputLine: element.line, needles: needlesFor(site, value) };
  if (target.kind === 'skip') return undefined;
  if (target.kind === 'invalid') {
    return {
      severity: 'error',
      rule: ruleFor(reference, ''),
      message: `${describe(reference, shown)} is not a valid address`,
      hint: 'Correct the address: a % must start an escape such as %20, and a host name may not contain spaces or brackets.',
      ...at,
    };
  }
  if (target.kind === 'outside') {
    const inside = `${site.basePath}${target.path}`;
    return {
      severity: 'error',
      rule: ruleFor(reference, target.path),
      message: `${describe(reference, shown)} leads outside the site, which is served from ${site.basePath}/`,
      hint: site.basePathFromUrl
        ? `The folder ${site.basePath}/ comes from \`url: ${site.siteUrl}\` in _config.yml, and this address misses it: online it leads to another site on ${site.siteUrl?.host}. Build the address with {{ base_path }} (academicpages) or \`| relative_url\` after setting \`url: ${site.siteUrl?.origin}\` and \`baseurl: ${site.basePath}\`; or write ${inside}.`
        : `Write it as {{ '${target.path}' | relative_url }} so it gets the baseurl ${site.basePath}, or write ${inside}.`,
      ...at,
    };
  }
  if (target.kind !== 'local') return undefined;
  const found = findOutput(site, target.path);
  if (!found) {
    return {
      severity: 'error',
      rule: ruleFor(reference, target.path),
      message: `${describe(reference, shown)} leads to no ${reference.kind === 'page' && isPagePath(target.path) ? 'page' : 'file'} of the site`,
      hint: missingHint(site, reference, target.path),
      ...at,
    };
  }
  const fragment = target.fragment;
  if (reference.kind !== 'page' || fragment === undefined || !wantsAnchor(fragment)) return undefined;
  // A script handles the click (opens a dialog, a tab): the fragment need not name an element.
  if (element.attributes.onclick !== undefined) return undefined;
  const targetPage = site.pageByOutput.get(found);
  if (!targetPage || targetPage.parsed.anchors.has(fragment)) return undefined;
  const samePage = targetPage === page;
  const guess = closest(fragment, targetPage.parsed.anchors);
  return {
    severity: 'error',
    rule: 'broken-anchor',
    message: samePage
      ? `${describe(reference, shown)}: this page has no id="${fragment}"`
      : `${describe(reference, shown)}: ${found} has no id="${fragment}"`,
    hint: guess
      ? `Did you mean #${guess}? Correct the part after #, or give the element you mean id="${fragment}".`
      : `Correct the part after #, or give the element you mean id="${fragment}" (a Markdown heading gets an id made from its text).`,
    ...at,
  };
}

/** `#`, `#top` and script routes (`#!/x`, `#/x`) and text fragments are not element ids. */
function wantsAnchor(fragment: string): boolean {
  return fragment !== '' && fragment.toLowerCase() !== 'top' && !/^[!/]|^:~:/.test(fragment);
}

function isPagePath(path: string): boolean {
  const last = path.split('/').pop() ?? '';
  return !last.includes('.') || /\.html?$/i.test(last);
}

function ruleFor(reference: Reference, path: string): string {
  if (reference.kind === 'image') return 'missing-image';
  if (reference.kind === 'file' || !isPagePath(path.replace(/[?#].*$/, ''))) return 'missing-file';
  return 'broken-link';
}

function describe(reference: Reference, value: string): string {
  const { element } = reference;
  if (element.name === 'a' || element.name === 'area') return `the link to ${value}`;
  if (element.name === 'url()') return `url(${value})`;
  if (reference.kind === 'image') return `the image ${value}`;
  if (element.name === 'meta') return `the redirect to ${value}`;
  return `<${element.name} ${reference.attribute}="${value}">`;
}

function missingHint(site: BuiltSite, reference: Reference, path: string): string {
  const wanted = path === '' || path.endsWith('/') ? `${path}index.html` : path;
  const lower = wanted.toLowerCase();
  const sameButCase = [...site.files].find(
    (file) => file.toLowerCase() === lower || file.toLowerCase() === `${lower}.html`,
  );
  if (sameButCase)
    return `The site has ${sameButCase}: write the address with the same upper and lower case letters (GitHub Pages tells them apart).`;
  const candidates =
    reference.kind === 'page' && isPagePath(path)
      ? site.pages.flatMap((page) => [
          page.output.replace(/(^|\/)index\.html$/, '$1'),
          page.output.replace(/\.html$/, ''),
        ])
      : [...site.files].filter((file) => extension(file) === extension(path));
  const guess = closest(path, candidates);
  const where =
    reference.kind === 'page' && isPagePath(path)
      ? 'or create the page'
      : `or put the file at ${path} in your site folder`;
  const base = `${site.basePath}/`;
  return guess
    ? `Did you mean ${base}${guess}? Correct the address, ${where}.`
    : `Correct the address, ${where}.`;
}

function extension(path: string): string {
  const last = path.split('/').pop() ?? '';
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(dot).toLowerCase() : '';
}

/**
 * What to look for in the source to find the line: the address as written, else its path
 * without the site's own address and folder (which Liquid adds: `{{ base_path }}/images/x.png`).
 */
export function needlesFor(site: BuiltSite, value: string): string[] {
  const needles = [value];
  let rest = value;
  if (site.siteUrl && rest.startsWith(site.siteUrl.origin)) rest = rest.slice(site.siteUrl.origin.length);
  rest = rest.replace(/^([^?#]*)/, (path) => path.replace(/\/{2,}/g, '/'));
  if (site.basePath && rest.startsWith(`${site.basePath}/`)) rest = rest.slice(site.basePath.length);
  if (rest !== value) needles.push(rest);
  return needles;
}
