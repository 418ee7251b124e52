/**
 * Watching the source for saves: every file that can change the site, but never the
 * destination (or its staging folders), `.git`, `node_modules`, caches, or what the config
 * excludes, except the config files themselves. Bursts of events (an editor writing a temporary
 * file and renaming it) arrive as one batch after a short quiet period.
 */
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

const ALWAYS_IGNORED = new Set(['.git', 'node_modules', '.jekyll-cache', '.sass-cache', '.jekyll-metadata']);

export function watchSource(options: WatchOptions): Watcher {
  const source = path.resolve(options.source);
  const destination = path.resolve(options.destination);
  const configFiles = new Set(options.configFiles.map((file) => path.resolve(file)));
  const filter = new EntryFilter(source, options.include, options.exclude);
  const destinationName = path.basename(destination);

  const ignored = (file: string, stats?: { isDirectory(): boolean }): boolean => {
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
  const flush = () => {
    timer = undefined;
    const batch = [...pending];
    pending = new Set();
    if (batch.length) options.onChange(batch);
  };
  const watcher = watch(source, { ignored, ignoreInitial: true, atomic: true });
  watcher.on('all', (_event, file) => {
    pending.add(path.resolve(file));
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs ?? 10);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    close: async () => {
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}
