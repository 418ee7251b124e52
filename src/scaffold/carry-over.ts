/**
 * What `migrate` brings along from the old theme. Jekyll finds includes and layouts only when a
 * page renders, so one the content names that is missing fails the build (an include) or drops
 * the page's frame (a layout). The built-in theme has academicpages' stock ones; for the rest:
 * - the site's own includes and layouts that the content uses are copied over, and in turn what
 *   those use (their includes, a layout's parent layout), until nothing named is missing;
 * - but a layout that is academicpages' whole page frame (a copy of its `single` or `archive` for a
 *   collection of the site's own) sits on the theme's `single` or `archive` instead, and pages on
 *   academicpages' own `cv` layout (a frame for a Markdown CV) move to `archive`;
 * - academicpages' `cv-template.html` (its `cv-json` page) becomes the theme's `layout: cv`, which
 *   reads the same JSON Resume data in `_data/cv.json`;
 * - academicpages' custom analytics and comments includes move to where the theme looks;
 * - a file of the site's own in the left-behind `assets/css` or `assets/js` that a page or a
 *   carried include loads is copied over;
 * - an include found nowhere (the old site did not build either) becomes a placeholder that says
 *   so, so the new site builds and the report names it.
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/index.ts';
import { BUILT_IN_THEME_ROOT } from '../config/theme.ts';
import { hasFrontMatter, readFrontMatter } from '../read/front-matter.ts';
import { walkFiles } from '../read/reader.ts';

export interface Reference {
  kind: 'include' | 'layout';
  name: string;
  file: string;
  line: number;
}

/** One thing migrate did about the old theme, for the report. */
export interface CarryStep {
  action: 'kept' | 'mapped' | 'shimmed' | 'dropped';
  what: string;
  why: string;
}

export interface CarryResult {
  /** Files written into the new site. */
  written: string[];
  steps: CarryStep[];
  /** What the content names that could not be found anywhere (placeholders were written). */
  missing: Reference[];
}

/** `{% include x.html %}`, `{% include_cached x.html %}`: a name without Liquid in it. */
const INCLUDE = /\{%-?\s*include(?:_cached)?\s+([^\s%{}]+)/g;

interface Folders {
  source: string;
  target: string;
  includes: string;
  layouts: string;
}

export function carryOver(source: string, target: string, copied: string[], config: Config): CarryResult {
  const folders: Folders = {
    source,
    target,
    includes: String(config.includes_dir ?? '_includes'),
    layouts: String(config.layouts_dir ?? '_layouts'),
  };
  const themeIncludes = new Set(walkFiles(path.join(BUILT_IN_THEME_ROOT, '_includes')));
  const themeLayouts = new Set(walkFiles(path.join(BUILT_IN_THEME_ROOT, '_layouts')).map(withoutExtension));
  const oldIncludes = new Set(walkFiles(path.join(source, folders.includes)));
  const result: CarryResult = { written: [], steps: [], missing: [] };
  const done = new Set<string>();
  const queue: Reference[] = [];

  const pages: string[] = [];
  for (const file of copied) {
    // Jekyll renders every file with front matter, whatever its name (`cv.md.bak` too).
    if (/^(\.github|_data)\//.test(file) || !startsWithFrontMatter(path.join(target, file))) continue;
    pages.push(file);
    let text = readFileSync(path.join(target, file), 'utf8');
    if (usesCvTemplate(text)) {
      const pdf = cvPageToLayout(target, file);
      result.steps.push({
        action: 'mapped',
        what: `${file}: academicpages' cv-template.html`,
        why: `the page now uses the theme's \`layout: cv\`, which draws the same _data/cv.json (JSON Resume)${pdf.missing ? `; its link to ${pdf.missing} is left out, since the site has no such file` : ''}`,
      });
      continue;
    }
    const listed = keepOwnListItems(folders, file, text, { themeIncludes, oldIncludes }, result);
    text = listed.text;
    for (const name of listed.kept) done.add(`include:${name}`);
    queue.push(...listed.references, ...includesIn(text, file, oldIncludes));
    let layout = layoutOf(text, file);
    if (layout === 'cv' && oldCvLayoutIsFrame(folders)) {
      writeFileSync(path.join(target, file), text.replace(/^layout\s*:.*$/m, 'layout: archive'));
      result.steps.push({
        action: 'mapped',
        what: `${file}: layout: cv`,
        why: "the old site's cv layout only framed the page's own CV; the theme's `cv` would add _data/cv.json after it, so the page uses `layout: archive`",
      });
      layout = 'archive';
    }
    if (layout)
      queue.push({ kind: 'layout', name: layout, file, line: lineOf(text, text.search(/^layout\s*:/m)) });
  }
  const defaults = Array.isArray(config.defaults) ? (config.defaults as Config[]) : [];
  for (const entry of defaults) {
    const layout = (entry?.values as Config | undefined)?.layout;
    if (typeof layout === 'string' && layout !== '' && layout !== 'none') {
      queue.push({ kind: 'layout', name: layout, file: '_config.yml', line: 0 });
    }
  }
  carryProviders(folders, config, result);

  while (queue.length > 0) {
    const ref = queue.shift() as Reference;
    const key = `${ref.kind}:${ref.name}`;
    if (done.has(key)) continue;
    done.add(key);
    if (ref.kind === 'include') {
      // Jekyll refuses names that leave the includes folder; so does the build.
      if (themeIncludes.has(ref.name) || ref.name.split('/').includes('..')) continue;
      const relative = `${folders.includes}/${ref.name}`;
      if (copyFromOld(folders, relative, result)) {
        result.steps.push({ action: 'kept', what: relative, why: `used by ${where(ref)}` });
        queue.push(...includesIn(readFileSync(path.join(target, relative), 'utf8'), relative, oldIncludes));
      } else {
        writePlaceholder(folders, relative, ref, result);
      }
    } else {
      if (themeLayouts.has(ref.name)) continue;
      const relative = findLayout(folders, ref.name);
      const frame = relative && academicpagesFrame(readFileSync(path.join(source, relative), 'utf8'));
      if (relative && frame) {
        writeShimLayout(folders, relative, frame, result);
        result.steps.push({
          action: 'mapped',
          what: relative,
          why: `the layout of ${where(ref)} is academicpages' page frame (sidebar and page in <div id="main">): it now sits on the theme's \`${frame}\` layout`,
        });
      } else if (relative && copyFromOld(folders, relative, result)) {
        result.steps.push({ action: 'kept', what: relative, why: `the layout of ${where(ref)}` });
        const text = readFileSync(path.join(target, relative), 'utf8');
        queue.push(...includesIn(text, relative, oldIncludes));
        const parent = layoutOf(text, relative);
        if (parent) queue.push({ kind: 'layout', name: parent, file: relative, line: 2 });
      } else {
        result.missing.push(ref);
        result.steps.push({
          action: 'dropped',
          what: `layout '${ref.name}'`,
          why: `named by ${where(ref)} but in neither the old site nor the theme: those pages are written without a frame, as Jekyll writes them (use layout: single)`,
        });
      }
    }
  }
  carryAssets(folders, [...pages, ...result.written], result);
  return result;
}

/**
 * A stock include the owner rewrote into a list item (academicpages' `archive-single.html` made to
 * write `<li>`), named by a page inside a `<ul>` or `<ol>`: the theme's own writes an `<article>`,
 * which may not go in a list. That page keeps the old one, copied under a name of its own
 * (`archive-single-own.html`); other pages, and the theme's lists, keep the theme's.
 */
function keepOwnListItems(
  folders: Folders,
  file: string,
  text: string,
  { themeIncludes, oldIncludes }: { themeIncludes: Set<string>; oldIncludes: Set<string> },
  result: CarryResult,
): { text: string; kept: string[]; references: Reference[] } {
  const kept: string[] = [];
  const changed = text.replace(INCLUDE, (call: string, written: string, at: number) => {
    const name = written.replace(/^\//, '').replace(/["']/g, '');
    if (!themeIncludes.has(name) || !insideList(text.slice(0, at))) return call;
    const old = path.join(folders.source, folders.includes, name);
    if (!existsSync(old) || !/^<li[\s>]/i.test(firstTag(readFileSync(old, 'utf8')))) return call;
    const own = name.replace(/(\.[^./]+)?$/, '-own$1');
    if (!kept.includes(own)) {
      copyFileTo(folders, `${folders.includes}/${name}`, `${folders.includes}/${own}`, result);
      kept.push(own);
      result.steps.push({
        action: 'kept',
        what: `${folders.includes}/${name}`,
        why: `as ${folders.includes}/${own}, for ${file}, which puts it in a list: it writes list items (<li>), and the theme's ${name} an <article>, which may not go in a list`,
      });
    }
    return call.replace(written, own);
  });
  if (changed !== text) writeFileSync(path.join(folders.target, file), changed);
  const references = kept.flatMap((own) => {
    const relative = `${folders.includes}/${own}`;
    return includesIn(readFileSync(path.join(folders.target, relative), 'utf8'), relative, oldIncludes);
  });
  return { text: changed, kept, references };
}

/** The text before a point leaves a `<ul>` or `<ol>` open. */
function insideList(before: string): boolean {
  const open = Math.max(before.lastIndexOf('<ul'), before.lastIndexOf('<ol'));
  const close = Math.max(before.lastIndexOf('</ul'), before.lastIndexOf('</ol'));
  return open > close;
}

/** The first tag an include writes, past its Liquid and comments. */
function firstTag(text: string): string {
  const markup = text.replace(
    /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}|\{[{%][\s\S]*?[%}]\}|<!--[\s\S]*?-->/g,
    '',
  );
  return /<[a-z][^>]*>/i.exec(markup)?.[0] ?? '';
}

/** `assets/css/x.css`, `assets/js/x.js` as pages and includes write them. */
const ASSET = /assets\/(?:css|js|fonts|webfonts)\/[^"'\s)?#<>{}]+/g;

/**
 * The old theme's `assets/css` and `assets/js` are left behind, but a page or include that loads
 * a file of the site's own from there (a stylesheet for one page, a small script) still needs it.
 * What the theme has under the same name (`main.css`) stays the theme's.
 */
function carryAssets(folders: Folders, files: string[], result: CarryResult): void {
  const seen = new Set<string>();
  for (const file of files) {
    const absolute = path.join(folders.target, file);
    if (!existsSync(absolute)) continue;
    for (const match of readFileSync(absolute, 'utf8').match(ASSET) ?? []) {
      if (seen.has(match)) continue;
      seen.add(match);
      const theme = path.join(BUILT_IN_THEME_ROOT, match.replace(/\.css$/, '.scss'));
      if (existsSync(theme) || existsSync(path.join(BUILT_IN_THEME_ROOT, match))) continue;
      if (!copyFromOld(folders, match, result)) continue;
      result.steps.push({ action: 'kept', what: match, why: `loaded by ${file}` });
    }
  }
}

/** academicpages' custom analytics and comments files, where the theme's includes look for them. */
function carryProviders(folders: Folders, config: Config, result: CarryResult): void {
  const analytics = (config.analytics as Config | undefined)?.provider;
  const analyticsFile = `${folders.includes}/analytics-providers/custom.html`;
  if (analytics === 'custom' && existsSync(path.join(folders.source, analyticsFile))) {
    copyFileTo(folders, analyticsFile, '_includes/analytics-custom.html', result);
    result.steps.push({
      action: 'mapped',
      what: analyticsFile,
      why: 'analytics.provider is custom: copied to _includes/analytics-custom.html, where the theme looks',
    });
  }
  const comments = (config.comments as Config | undefined)?.provider;
  const commentsFile = `${folders.includes}/comments-providers/custom.html`;
  if (comments === 'custom' && copyFromOld(folders, commentsFile, result)) {
    result.steps.push({ action: 'kept', what: commentsFile, why: 'comments.provider is custom' });
  }
}

function includesIn(text: string, file: string, oldIncludes?: Set<string>): Reference[] {
  const found: Reference[] = [];
  for (const match of text.matchAll(INCLUDE)) {
    const name = match[1].replace(/^\//, '').replace(/["']/g, '');
    if (name) found.push({ kind: 'include', name, file, line: lineOf(text, match.index) });
  }
  // `{% include {{ name }} %}` is chosen when the page renders: any include of the old site that
  // the file names in a quoted string (`assign name = "tab_collection"`) may be it, so it comes too.
  if (oldIncludes && DYNAMIC_INCLUDE.test(text)) {
    for (const match of text.matchAll(QUOTED)) {
      const name = match[1].replace(/^\//, '');
      if (oldIncludes.has(name)) found.push({ kind: 'include', name, file, line: lineOf(text, match.index) });
    }
  }
  return found;
}

/** An include whose name is built with `{{ }}`. */
const DYNAMIC_INCLUDE = /\{%-?\s*include(?:_cached)?\s+[^%]*\{\{/;
const QUOTED = /["']([^"'\s{}%]+)["']/g;

function startsWithFrontMatter(file: string): boolean {
  const start = Buffer.alloc(512);
  const descriptor = openSync(file, 'r');
  try {
    const length = readSync(descriptor, start, 0, start.length, 0);
    return hasFrontMatter(start.subarray(0, length).toString('utf8'));
  } finally {
    closeSync(descriptor);
  }
}

function usesCvTemplate(text: string): boolean {
  return /\{%-?\s*include\s+\/?cv-template\.html/.test(text);
}

/**
 * academicpages' cv-json page on the theme's CV layout: its front matter kept, the include gone;
 * its PDF link becomes `pdf:` when the PDF is there (academicpages' sample links one that is not).
 */
function cvPageToLayout(target: string, page: string): { missing?: string } {
  const file = path.join(target, page);
  const text = readFileSync(file, 'utf8');
  const end = text.indexOf('\n---', 3);
  const frontMatter = text.slice(0, end);
  const body = text.slice(end + 4);
  const linked = /href="\{\{\s*base_path\s*\}\}(\/files\/[^"]+\.pdf)"/.exec(body)?.[1];
  const pdf = linked && existsSync(path.join(target, linked)) ? linked : undefined;
  const lines = frontMatter
    .split('\n')
    .map((line) => (/^layout\s*:/.test(line) ? 'layout: cv' : line))
    .filter((line) => !/^author_profile\s*:/.test(line));
  if (!lines.some((line) => line === 'layout: cv')) lines.push('layout: cv');
  if (pdf && !lines.some((line) => /^pdf\s*:/.test(line))) lines.push(`pdf: ${pdf}`);
  writeFileSync(
    file,
    `${lines.join('\n')}\n---\n<!-- scholarsite migrate: academicpages' cv-template.html became layout: cv, which draws _data/cv.json. -->\n`,
  );
  return { missing: linked && !pdf ? linked : undefined };
}

function layoutOf(text: string, file: string): string | undefined {
  try {
    const layout = readFrontMatter(text, file).data.layout;
    return typeof layout === 'string' && layout !== 'none' && layout !== 'null' && layout !== ''
      ? layout
      : undefined;
  } catch {
    return undefined; // bad front matter is the build's to report
  }
}

/**
 * academicpages' layouts for a collection of one's own (`presentation`, `award`) are copies of its
 * `single` or `archive`: the whole page frame. Carried over, that frame would sit inside the
 * theme's (two <main>s, markup no stylesheet styles); the theme's own layout does the same job.
 */
function academicpagesFrame(text: string): 'single' | 'archive' | undefined {
  if (!/<div id="main" role="main">/.test(text) || !/\{%-?\s*include\s+sidebar\.html/.test(text))
    return undefined;
  return /class="archive"/.test(text) ? 'archive' : 'single';
}

/** academicpages' own `cv` layout (2024 on) frames the page's Markdown CV and draws no data. */
function oldCvLayoutIsFrame(folders: Folders): boolean {
  const relative = findLayout(folders, 'cv');
  if (!relative) return false;
  const text = readFileSync(path.join(folders.source, relative), 'utf8');
  return academicpagesFrame(text) !== undefined && !/site\.data/.test(text);
}

function writeShimLayout(folders: Folders, relative: string, frame: string, result: CarryResult): void {
  const destination = path.join(folders.target, relative.replace(/\.[^.]+$/, '.html'));
  if (existsSync(destination)) return;
  mkdirSync(path.dirname(destination), { recursive: true });
  writeFileSync(
    destination,
    `---\nlayout: ${frame}\n---\n{%- comment -%} scholarsite migrate: academicpages' page frame, now the theme's ${frame} layout. {%- endcomment -%}\n{{ content }}\n`,
  );
  result.written.push(path.relative(folders.target, destination));
}

function findLayout(folders: Folders, name: string): string | undefined {
  for (const extension of ['.html', '.htm', '.md', '.markdown', '.xml', '.liquid']) {
    const relative = `${folders.layouts}/${name}${extension}`;
    if (existsSync(path.join(folders.source, relative))) return relative;
  }
  return undefined;
}

function copyFromOld(folders: Folders, relative: string, result: CarryResult): boolean {
  if (!existsSync(path.join(folders.source, relative))) return false;
  copyFileTo(folders, relative, relative, result);
  return true;
}

function copyFileTo(folders: Folders, from: string, to: string, result: CarryResult): void {
  const destination = path.join(folders.target, to);
  if (existsSync(destination)) return;
  mkdirSync(path.dirname(destination), { recursive: true });
  copyFileSync(path.join(folders.source, from), destination);
  result.written.push(to);
}

function writePlaceholder(folders: Folders, relative: string, ref: Reference, result: CarryResult): void {
  const destination = path.join(folders.target, relative);
  if (!existsSync(destination)) {
    mkdirSync(path.dirname(destination), { recursive: true });
    writeFileSync(
      destination,
      `<!-- scholarsite migrate: ${ref.name} was not in the old site; write it here, or remove the include from ${ref.file}. -->\n`,
    );
    result.written.push(relative);
  }
  result.missing.push(ref);
  result.steps.push({
    action: 'shimmed',
    what: relative,
    why: `used by ${where(ref)} but in neither the old site nor the theme: an empty placeholder keeps the site building`,
  });
}

function where(ref: Reference): string {
  return ref.line ? `${ref.file}:${ref.line}` : ref.file;
}

function lineOf(text: string, index: number): number {
  return index < 0 ? 0 : text.slice(0, index).split('\n').length;
}

function withoutExtension(file: string): string {
  return file.replace(/\.[^.]+$/, '');
}
