/**
 * What a build writes: each page, document and static file's output, with Jekyll's warnings of
 * two files writing one destination and of permalinks climbing out of it. (Site types only: the
 * site is passed in, so this stays below site/.)
 */
import type { Diagnostics } from '../errors.ts';
import type { Page, Renderable, StaticFile } from '../site/document.ts';
import type { Site } from '../site/site.ts';
import type { OutputFile } from './writer.ts';

/**
 * A permalink with `..` is kept inside the destination, as Jekyll does without a word: a note of
 * where it went, and a finding for `check`.
 */
function warnIfClimbing(diagnostics: Diagnostics, item: Renderable): void {
  const permalink = item.permalink;
  if (!permalink?.includes('..')) return;
  diagnostics.warn({
    message: `the permalink '${permalink}' points outside the site; the page is written at ${item.url} instead`,
    file: item.sourceFile,
    hint: 'Permalinks are paths inside the site: remove the `..` parts.',
    note: 'check',
  });
}

export const outputOf = (item: Renderable): OutputFile => ({
  destination: item.destinationPath,
  source: item.sourceFile,
  text: item.output ?? '',
});

/** Whether an item makes a file: every page; a document that is output and published. */
export function writes(site: Site, item: Renderable): boolean {
  return item.kind === 'page' || (item.write && site.publishable(item.data, item.date));
}

const staticOutput = (file: StaticFile): OutputFile => ({
  destination: file.destinationPath,
  source: file.relativePath,
  copyFrom: file.sourcePath,
});

export function staticOutputs(site: Site): OutputFile[] {
  return site.staticFiles.filter((file) => file.write).map(staticOutput);
}

/**
 * A page jekyll-redirect-from made for a `redirect_from` entry (a RedirectPage): Jekyll's
 * conflict check leaves these out (Doctor#allow_used_permalink?).
 */
function isRedirectPage(page: Page): boolean {
  const redirect = page.data.redirect as { from?: unknown } | undefined;
  return page.sourcePath === undefined && page.name === 'redirect.html' && typeof redirect?.from === 'string';
}

/** Every file to write, with Jekyll's conflict warning when two write one destination. */
export function collectOutputs(site: Site, diagnostics: Diagnostics): OutputFile[] {
  const byDestination = new Map<string, OutputFile[]>();
  const redirects = new Set<OutputFile>();
  const add = (file: OutputFile) => {
    const list = byDestination.get(file.destination);
    if (list) list.push(file);
    else byDestination.set(file.destination, [file]);
  };
  for (const page of site.pages) {
    warnIfClimbing(diagnostics, page);
    const file = outputOf(page);
    if (isRedirectPage(page)) redirects.add(file);
    add(file);
  }
  // Jekyll 4.3 writes pages, then every static file, then documents: a document wins over a file
  // of its collection at the same destination. Jekyll 3.10 (GitHub Pages) writes each collection's
  // files right after its documents, so there the file wins (Site#each_site_file, #documents).
  const filesLast = site.githubPages;
  for (const file of site.staticFiles) {
    if (file.write && !(filesLast && file.collection)) add(staticOutput(file));
  }
  for (const collection of site.collections.values()) {
    for (const doc of collection.docs) {
      if (writes(site, doc)) {
        warnIfClimbing(diagnostics, doc);
        add(outputOf(doc));
      }
    }
    if (filesLast) for (const file of collection.files) if (file.write) add(staticOutput(file));
  }

  const files: OutputFile[] = [];
  for (const [destination, list] of byDestination) {
    const conflicting = list.filter((file) => !redirects.has(file));
    if (conflicting.length > 1) {
      diagnostics.warn({
        message: `${conflicting.length} files write the same destination ${destination}; the last one wins: ${conflicting.map((f) => f.source).join(', ')}`,
        file: conflicting[0].source,
        hint: 'Give one of them a different permalink.',
      });
    }
    files.push(list[list.length - 1]);
  }
  return files;
}
