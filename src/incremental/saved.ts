/**
 * What a build keeps for the next one (every build with the disk cache: plain, and `-I`): the
 * incremental state `serve` keeps in memory, on disk in `.jekyll-cache/scholarsite/incremental-…`
 * (one per destination). A build that starts from it reads the site as usual and renders again
 * only what the files changed since could affect; a plain build then writes the whole site, `-I`
 * only the outputs that changed. The state says which files the last build saw (time and size),
 * what each page read, and what it rendered.
 *
 * It is trusted only for the same scholarsite, config, JEKYLL_ENV and timezone, and by `-I` only
 * while the destination still has every file it lists; a build without it (`--disable-disk-cache`, serve)
 * forgets it before writing, since the destination then no longer matches it.
 */
import { createHash } from 'node:crypto';
import { type Dirent, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { IncrementalBuild } from '../build.ts';
import type { Site } from '../site/site.ts';
import { codeStamp } from '../version.ts';
import { forgetCacheFile, keepCacheFile } from '../write/cache-file.ts';
import type { OutputFile } from '../write/writer.ts';
import { digestOf, frontMatterOf, IncrementalBuilder, type Snapshot } from './builder.ts';

/** Bumped when the saved shape changes, so an old file is ignored rather than misread. */
const FORMAT = 3;

interface SavedState {
  format: number;
  context: string;
  /** Every source (and theme) file the build saw: absolute path → `mtime:size`. */
  files: Map<string, string>;
  snapshot: Snapshot;
  /** The search index written with that build, and the digest of its HTML pages. */
  search?: { index: OutputFile[]; pages: string };
}

/** One state per destination: a build elsewhere (a preview, a test) leaves this one's alone. */
function stateFile(site: Site): string {
  const name = `incremental-${createHash('sha256').update(site.destination).digest('hex').slice(0, 12)}`;
  return path.join(site.folders.ownCacheDir, name);
}

/** What must be the same for the saved pages to be the pages this build would render. */
function contextOf(site: Site): string {
  const { quiet: _, verbose: __, ...config } = site.config; // how much is printed changes no page
  return createHash('sha256')
    .update(JSON.stringify([FORMAT, codeStamp(), process.env.JEKYLL_ENV ?? '', process.env.TZ ?? '', config]))
    .digest('hex');
}

/**
 * Taken when the build starts: the file stamps, and the context of the config as read (plugins
 * add to the config later, `site.github` among them).
 */
const atStart = new WeakMap<IncrementalBuilder, { stamps: Map<string, string>; context: string }>();

/**
 * A builder primed with the last build's state, or a fresh one when there is none to trust.
 * `inPlace` (`-I`): it writes only the files that changed; else it replaces the whole site.
 */
export function restoreIncremental(site: Site, { inPlace }: { inPlace: boolean }): IncrementalBuilder {
  // Pages made by plugins (feed, sitemap) are rendered afresh, as Jekyll's -I does: they carry
  // `site.time`, and they are cheap.
  const builder = new IncrementalBuilder({ reuseGenerated: false, wholeSite: !inPlace });
  // Taken before the build reads anything: a file saved while it runs counts as changed next time.
  const start = { stamps: fileStamps(site), context: contextOf(site) };
  atStart.set(builder, start);
  let saved: SavedState;
  try {
    saved = v8.deserialize(readFileSync(stateFile(site))) as SavedState;
  } catch {
    return builder; // none yet, or unreadable: a full build
  }
  if (saved.format !== FORMAT || saved.context !== start.context) return builder;
  // Writing in place trusts the destination to hold what the state says (a plain build writes it all).
  if (inPlace) {
    for (const destination of saved.snapshot.outputs.keys()) {
      if (!existsSync(path.join(site.destination, destination))) return builder;
    }
  }
  const now = start.stamps;
  const changed = new Set<string>();
  for (const [file, stamp] of now) if (saved.files.get(file) !== stamp) changed.add(file);
  for (const file of saved.files.keys()) if (!now.has(file)) changed.add(file);
  builder.restore(saved.snapshot, changed);
  if (saved.search) savedSearch.set(builder, saved.search);
  return builder;
}

const savedSearch = new WeakMap<IncrementalBuild, { index: OutputFile[]; pages: string }>();

/**
 * The search index the last -I build wrote, if this build's HTML pages are the same (it takes
 * ~0.3 s to make again); called once the pages are rendered.
 */
export function keptSearchIndex(build: IncrementalBuild, files: OutputFile[]): OutputFile[] | undefined {
  const saved = savedSearch.get(build);
  if (!saved) return undefined;
  const now = files
    .filter((file) => file.destination.endsWith('.html'))
    .map((file): [string, string | undefined] => [file.destination, file.text]);
  return digestOf(joinPages(now)) === saved.pages ? saved.index : undefined;
}

/** The HTML pages a destination holds, name and text, as one string to compare. */
function htmlPages(snapshot: Snapshot): string {
  return joinPages([...snapshot.outputs].filter(([name]) => name.endsWith('.html')));
}

function joinPages(pages: [string, string | undefined][]): string {
  return pages
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, text]) => `${name}\0${text}`)
    .join('\0\0');
}

/** Keep the state of a build that has just written its destination. */
export function saveIncremental(site: Site, builder: IncrementalBuilder): void {
  const state: SavedState = {
    format: FORMAT,
    context: atStart.get(builder)?.context ?? contextOf(site),
    files: atStart.get(builder)?.stamps ?? fileStamps(site),
    snapshot: onDisk(builder.snapshot()),
    search: builder.searchIndex && {
      index: builder.searchIndex,
      pages: digestOf(htmlPages(builder.snapshot())),
    },
  };
  keepCacheFile(stateFile(site), v8.serialize(state));
}

/**
 * The state as kept on disk: each source and each output as a digest, not its text (which a
 * build compares, never reads back). Only what reused pages show is kept whole: their body and
 * page. At 4,000 posts: 31 MB → ~16 MB, a third of a second less to read and write.
 */
function onDisk(snapshot: Snapshot): Snapshot {
  const records: Snapshot['records'] = new Map();
  for (const [key, record] of snapshot.records) {
    const kept = record.frontMatter !== undefined; // read from disk: digests already
    records.set(
      key,
      kept
        ? record
        : { ...record, input: digestOf(record.input), frontMatter: digestOf(frontMatterOf(record.input)) },
    );
  }
  const outputs: Snapshot['outputs'] = new Map();
  // A copied or binary file is kept as a short stamp (`\0copy:…`, `\0bytes:…`), a digest as it is.
  for (const [destination, kept] of snapshot.outputs)
    outputs.set(destination, kept.startsWith('\0') ? kept : digestOf(kept));
  return { ...snapshot, records, outputs };
}

/** Called before any other build writes the destination: the saved state would no longer match it. */
export function forgetIncremental(site: Site): void {
  forgetCacheFile(stateFile(site));
}

const NEVER_READ = new Set(['.git', 'node_modules', '.jekyll-cache', '.sass-cache', '.jekyll-metadata']);

/** `mtime:size` of every file below the source (the destination aside) and the theme. */
function fileStamps(site: Site): Map<string, string> {
  const stamps = new Map<string, string>();
  const roots = [site.source, ...(site.theme ? [site.theme.root] : [])];
  const included = new Set(site.settings.include);
  const visited = new Set<number>(); // folders by inode: a link back up is walked once
  const walk = (dir: string) => {
    const inode = statSync(dir).ino;
    if (visited.has(inode)) return;
    visited.add(inode);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      if (NEVER_READ.has(entry.name) || absolute === site.destination) continue;
      // Jekyll reads no dot-folder unless `include` names it (old sites being deleted are ones).
      if (entry.name.startsWith('.') && entry.isDirectory() && !included.has(entry.name)) continue;
      if (entry.isDirectory()) {
        walk(absolute);
        continue;
      }
      try {
        const stats = statSync(absolute);
        if (stats.isDirectory()) walk(absolute);
        else stamps.set(absolute, `${stats.mtimeMs}:${stats.size}`);
      } catch {
        // a broken link: the reader reports it
      }
    }
  };
  for (const root of roots) if (existsSync(root)) walk(root);
  return stamps;
}
