/**
 * Watching the source for saves: every file that can change the site, but never the
 * destination (or its staging folders), `.git`, `node_modules`, caches, or what the config
 * excludes, except the config files themselves. Bursts of events (an editor writing a temporary
 * file and renaming it) arrive as one batch after a short quiet period.
 *
 * Each folder is watched on its own (`fs.watch`, inotify on Linux), which names the entry that
 * changed: a save costs one `lstat`. (chokidar, used before, read the whole folder again after
 * each save in it: 1,000 lstat calls for a blog of 1,000 posts, ~15 ms of a save's 45.)
 */
import { type FSWatcher, lstatSync, readdirSync, watch } from 'node:fs';
import path from 'node:path';
import { EntryFilter } from '../read/entry-filter.ts';

export interface WatchOptions {
  source: string;
  destination: string;
  /** Config files, watched even when the config excludes them. */
  configFiles: string[];
  exclude: string[];
  include: string[];
  /** Quiet period before a batch is delivered. */
  debounceMs?: number;
  onChange(paths: string[]): void;
  /** A folder that cannot be watched (the system's limit of watches, say): what to tell the user. */
  warn?(message: string): void;
}

export interface Watcher {
  /** Resolves once every folder is watched (saves from then on are seen). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * The quiet period that ends a batch: the events of one save (a temporary file renamed over the
 * page) come within a millisecond or two; a later one only starts another rebuild.
 */
const QUIET_MS = 5;

const ALWAYS_IGNORED = new Set(['.git', 'node_modules', '.jekyll-cache', '.sass-cache', '.jekyll-metadata']);

/** A watched folder: its watch, and its entries (true: a folder) as last seen. */
interface Folder {
  watcher: FSWatcher;
  entries: Map<string, boolean>;
}

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: the watcher is one closure over its state: its length is the handlers it sets up
export function watchSource(options: WatchOptions): Watcher {
  const source = path.resolve(options.source);
  const destination = path.resolve(options.destination);
  const configFiles = new Set(options.configFiles.map((file) => path.resolve(file)));
  const filter = new EntryFilter(source, options.include, options.exclude);
  const destinationName = path.basename(destination);

  const ignored = (file: string, isFolder: boolean): boolean => {
    if (configFiles.has(file)) return false;
    if (file === destination || file.startsWith(destination + path.sep)) return true;
    const relative = path.relative(source, file);
    if (relative === '') return false;
    if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return true;
    const parts = relative.split(path.sep);
    if (parts.some((part) => ALWAYS_IGNORED.has(part))) return true;
    // The writer's staging folders beside the destination, and editors' temporary files.
    const name = parts[parts.length - 1];
    if (name.startsWith(`.${destinationName}.`) || /\.scholarsite-\d+$/.test(name)) return true;
    return filter.excluded(parts.join('/'), isFolder);
  };

  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const note = (file: string) => {
    pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs ?? QUIET_MS);
  };
  const flush = () => {
    timer = undefined;
    const batch = [...pending];
    pending = new Set();
    if (batch.length) options.onChange(batch);
  };

  const folders = new Map<string, Folder>();
  let closed = false;

  /** Watch a folder and those below it; `announce`: its files are new to the site (a folder moved in). */
  const watchFolder = (folder: string, announce: boolean) => {
    if (closed || folders.has(folder)) return;
    let watcher: FSWatcher;
    let names: { name: string; isDirectory(): boolean }[];
    try {
      watcher = watch(folder, (_event, name) => changed(folder, name));
      watcher.on('error', () => forget(folder)); // the folder went away under the watch
      names = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EMFILE') {
        options.warn?.(
          `${path.relative(source, folder) || '.'}: the system's limit of watched folders is reached, so saves there are not seen. Raise it (Linux: sudo sysctl fs.inotify.max_user_watches=524288) and restart serve.`,
        );
      }
      return; // gone already, or not readable: nothing in it can be built either
    }
    const entries = new Map<string, boolean>();
    folders.set(folder, { watcher, entries });
    for (const entry of names) {
      const file = path.join(folder, entry.name);
      const isFolder = entry.isDirectory();
      if (ignored(file, isFolder)) continue;
      entries.set(entry.name, isFolder);
      if (isFolder) watchFolder(file, announce);
      else if (announce) note(file);
    }
  };

  /** A folder removed (or moved away): stop watching it, and its files are gone from the site. */
  const forget = (folder: string) => {
    const known = folders.get(folder);
    if (!known) return;
    known.watcher.close();
    folders.delete(folder);
    for (const [name, isFolder] of known.entries) {
      const file = path.join(folder, name);
      if (isFolder) forget(file);
      else note(file);
    }
  };

  /** Something happened to `name` in `folder`: a save, a new file or folder, a removal. */
  const changed = (folder: string, entry: string | Buffer | null) => {
    const known = folders.get(folder);
    if (closed || !known) return;
    if (entry === null) {
      // The system could not say which entry: look at the whole folder again.
      forget(folder);
      watchFolder(folder, true);
      return;
    }
    const name = String(entry);
    const file = path.join(folder, name);
    let isFolder: boolean | undefined;
    try {
      isFolder = lstatSync(file).isDirectory();
    } catch {
      // removed, or renamed away
    }
    const wasFolder = known.entries.get(name);
    if (isFolder === undefined || (wasFolder && !isFolder)) {
      known.entries.delete(name);
      if (wasFolder) forget(file);
      else if (wasFolder === false) note(file);
      if (isFolder === undefined) return;
    }
    if (ignored(file, isFolder)) return;
    known.entries.set(name, isFolder);
    if (isFolder) watchFolder(file, true);
    else note(file);
  };

  watchFolder(source, false);
  return {
    ready: Promise.resolve(),
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const { watcher } of folders.values()) watcher.close();
      folders.clear();
    },
  };
}
