/**
 * Watching the source for saves: every file that can change the site, but never the
 * destination (or its staging folders), `.git`, `node_modules`, caches, or what the config
 * excludes, except the config files themselves. Bursts of events (an editor writing a temporary
 * file and renaming it) arrive as one batch after a short quiet period.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';
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
}

export interface Watcher {
  /** Resolves once the initial scan is done (saves from then on are seen). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * The quiet period that ends a batch: the events of one save (a temporary file renamed over the
 * page) come within a millisecond or two; a later one only starts another rebuild.
 */
const QUIET_MS = 5;

/** Longer than the 50 ms in which chokidar drops a second change to a file. */
const RECHECK_MS = 80;

/** A file's time and size, or that it is gone. */
function stamp(file: string): string {
  try {
    const stats = statSync(file);
    return `${stats.mtimeMs}:${stats.size}`;
  } catch {
    return 'gone';
  }
}

const ALWAYS_IGNORED = new Set(['.git', 'node_modules', '.jekyll-cache', '.sass-cache', '.jekyll-metadata']);

export function watchSource(options: WatchOptions): Watcher {
  const source = path.resolve(options.source);
  const destination = path.resolve(options.destination);
  const configFiles = new Set(options.configFiles.map((file) => path.resolve(file)));
  const filter = new EntryFilter(source, options.include, options.exclude);
  const destinationName = path.basename(destination);

  // chokidar reads a folder again after each save in it, asking of every file there (1,000
  // posts: ~8 ms a save): the answer depends only on the path and whether it is a folder.
  const answers = new Map<string, boolean>();
  const ignored = (file: string, stats?: { isDirectory(): boolean }): boolean => {
    const key = `${stats ? (stats.isDirectory() ? 'd' : 'f') : '?'}${file}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = decide(file, stats);
      answers.set(key, answer);
    }
    return answer;
  };
  const decide = (file: string, stats?: { isDirectory(): boolean }): boolean => {
    if (configFiles.has(file)) return false;
    if (file === destination || file.startsWith(destination + path.sep)) return true;
    const relative = path.relative(source, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return false; // the source itself
    const parts = relative.split(path.sep);
    if (parts.some((part) => ALWAYS_IGNORED.has(part))) return true;
    // The writer's staging folders beside the destination, and editors' temporary files.
    const name = parts[parts.length - 1];
    if (name.startsWith(`.${destinationName}.`) || /\.scholarsite-\d+$/.test(name)) return true;
    return filter.excluded(parts.join('/'), stats?.isDirectory() ?? false);
  };

  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  /** Files just delivered, with their time and size then, to look at once more. */
  let delivered = new Map<string, string>();
  let recheck: NodeJS.Timeout | undefined;
  const note = (file: string) => {
    pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs ?? QUIET_MS);
  };
  const flush = () => {
    timer = undefined;
    const batch = [...pending];
    pending = new Set();
    if (!batch.length) return;
    for (const file of batch) delivered.set(file, stamp(file));
    if (recheck) clearTimeout(recheck);
    recheck = setTimeout(lookAgain, RECHECK_MS);
    options.onChange(batch);
  };
  // chokidar 5 drops a change that comes within 50 ms of the last one it reported for a file, and
  // sends nothing later (paulmillr/chokidar#1455): a formatter's second save would be lost. So
  // each file delivered is looked at again a little later, and delivered again if it changed.
  const lookAgain = () => {
    recheck = undefined;
    const files = delivered;
    delivered = new Map();
    for (const [file, before] of files) if (stamp(file) !== before) note(file);
  };
  const watcher = watch(source, { ignored, ignoreInitial: true, atomic: true });
  watcher.on('all', (_event, file) => note(path.resolve(file)));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    close: async () => {
      if (timer) clearTimeout(timer);
      if (recheck) clearTimeout(recheck);
      await watcher.close();
    },
  };
}
