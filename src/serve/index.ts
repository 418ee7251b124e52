/**
 * `scholarsite serve`: build, serve the destination over HTTP, watch the source, rebuild what a
 * save affects, and tell open pages to reload. A failed rebuild leaves the last good site being
 * served, and pages show the error until a save fixes it. A config edit reloads the config and
 * rebuilds everything (where Jekyll asks for a restart).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BuildFailed, build, sassCompilerFor } from '../build.ts';
import { DEFAULT_EXCLUDES } from '../config/defaults.ts';
import { type Config, loadConfig, publishingMode, siteFolders, siteSettings } from '../config/index.ts';
import { IncrementalBuilder } from '../incremental/builder.ts';
import { LiveReload, type Problem, problemOf } from './live-reload.ts';
import { originForm, serveSiteFile } from './static.ts';
import { type Watcher, watchSource } from './watcher.ts';

export interface ServeOptions {
  source: string;
  destination?: string;
  configFiles?: string[];
  /** Command-line settings over the config files (drafts, future, baseurl…). */
  overrides?: Config;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** false: no script in pages, no events. */
  liveReload?: boolean;
  /** Warnings become errors. */
  strict?: boolean;
  /** Build as GitHub Pages does (true), as plain Jekyll (false), or as the repository says (unset). */
  githubPages?: boolean;
  /** false: no cache between builds (`--disable-disk-cache`). */
  diskCache?: boolean;
  /** Errors and warnings. */
  print?: (text: string) => void;
  /** Progress lines ("Rebuilt in…"). */
  log?: (text: string) => void;
  /** `site.time` (tests pin it). */
  time?: Date;
  /** Quiet period before a burst of saves is rebuilt. */
  debounceMs?: number;
}

export interface RunningServer {
  /** `http://localhost:4000/baseurl/`. */
  url: string;
  port: number;
  /** Resolves when no rebuild is running or waiting. */
  idle(): Promise<void>;
  /** Each finished build: the destination files it wrote, or its problems. */
  onBuild(listener: (outcome: BuildOutcome) => void): void;
  close(): Promise<void>;
}

export type BuildOutcome = { ok: true; written: string[] } | { ok: false; problems: Problem[] };

export class PortInUse extends Error {}

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: the server is one closure over its state: its length is the handlers it sets up
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const source = path.resolve(options.source);
  const host = options.host ?? '127.0.0.1';
  const print = options.print ?? ((text) => process.stderr.write(`${text}\n`));
  const log = options.log ?? (() => {});
  const live = options.liveReload === false ? undefined : new LiveReload();
  const builder = new IncrementalBuilder();
  const listeners: ((outcome: BuildOutcome) => void)[] = [];

  // What the server needs of the config before the first build (a broken config is the build's
  // error to report; serving falls back to the defaults until it is fixed).
  const settings = () => {
    const values = overrides();
    try {
      return loadConfig({
        source,
        configFiles: options.configFiles,
        overrides: values,
        githubPages: publishingMode(source, options.githubPages).githubPages,
      }).config;
    } catch {
      return {
        destination: path.resolve(source, String(values.destination ?? '_site')),
        baseurl: values.baseurl ?? '',
        exclude: [...DEFAULT_EXCLUDES],
        include: [],
      } as Config;
    }
  };
  let url = '';
  const overrides = (): Config => {
    const values: Config = { ...options.overrides };
    if (options.destination) values.destination = path.resolve(options.destination);
    // As `jekyll serve`: links point at this server, unless building for production.
    if ((process.env.JEKYLL_ENV ?? 'development') === 'development' && url) values.url = url;
    values.serving = true;
    // Front matter that does not parse fails the rebuild, so the page shows it and the last good
    // site stays up (a plain build, as Jekyll's, warns and renders the file without it).
    values.strict_front_matter = true;
    return values;
  };

  // Where the site is; set once the config is read, and after every build.
  const site = { root: '', baseurl: '', transformHtml: live && ((html: string) => live.inject(html)) };

  let firstBuild: Promise<void> | undefined;
  const server = createServer(async (request, response) => {
    request.url = originForm(request.url ?? '/');
    // Only a GET or HEAD opens the event stream; other methods get the site's 405.
    const reads = request.method === 'GET' || request.method === 'HEAD';
    if (reads && live?.handle(request.url, response)) return;
    await firstBuild;
    serveSiteFile(request, response, site);
  });
  const port = await listen(server, options.port ?? 4000, host);
  url = `http://${host === '127.0.0.1' ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${port}`;
  let config = settings();
  site.root = siteFolders(config).destination;
  site.baseurl = siteSettings(config).baseurl;

  const newSass = () => sassCompilerFor(source, config, options.diskCache);
  let sass = newSass();

  // A warning already shown by the previous build is not repeated on every save.
  let shownWarnings = new Set<string>();
  let builds = 0;

  const runBuild = async (): Promise<void> => {
    const started = performance.now();
    const warnings = new Set<string>();
    const printNew = (text: string) => {
      if (text.startsWith('Warning:')) {
        warnings.add(text);
        if (shownWarnings.has(text)) return;
      }
      print(text);
    };
    let outcome: BuildOutcome;
    try {
      const result = await build({
        source,
        configFiles: options.configFiles,
        overrides: overrides(),
        strict: options.strict,
        githubPages: options.githubPages,
        print: printNew,
        incremental: builder,
        sass,
        time: options.time,
      });
      site.root = result.site.destination;
      site.baseurl = result.site.settings.baseurl;
      const { rendered, reused } = builder.counts;
      const seconds = ((performance.now() - started) / 1000).toFixed(3);
      log(
        builds++ === 0
          ? `       Destination: ${result.site.destination}\n      Generating... done in ${seconds} seconds.`
          : `      Regenerated: ${rendered} rendered, ${reused} unchanged, ${builder.written.length} files written in ${seconds} seconds.`,
      );
      outcome = { ok: true, written: builder.written };
      live?.built(builder.written);
    } catch (error) {
      let problems: Problem[];
      if (error instanceof BuildFailed) {
        const { errors, warnings } = error.diagnostics;
        problems = (errors.length ? errors : warnings).map(problemOf);
        log('      Build failed: still serving the last good site. Fix the file and save.');
      } else {
        const message = error instanceof Error ? error.message : String(error);
        print(`Error: scholarsite stopped unexpectedly: ${message}`);
        problems = [
          { where: 'scholarsite', message, hint: 'This is a bug in scholarsite; please report it.' },
        ];
      }
      outcome = { ok: false, problems };
      live?.failed(problems);
    }
    shownWarnings = warnings;
    for (const listener of listeners) listener(outcome);
  };

  // One rebuild at a time; saves made meanwhile are gathered into the next.
  let running: Promise<void> = Promise.resolve();
  let queued: string[] | undefined;
  let configFiles = new Set<string>();
  const isConfig = (file: string) => configFiles.has(file);
  const schedule = (paths: string[]) => {
    if (queued) {
      queued.push(...paths);
      return;
    }
    queued = [...paths];
    running = running.then(async () => {
      const batch = queued ?? [];
      queued = undefined;
      if (batch.some(isConfig)) {
        log('      Configuration changed: rebuilding everything.');
        builder.reset();
        await sass.dispose();
        config = settings();
        sass = newSass();
        await restartWatcher();
      } else {
        builder.noteChanges(batch);
      }
      await runBuild();
    });
  };

  let watcher: Watcher | undefined;
  const restartWatcher = async () => {
    await watcher?.close();
    configFiles = new Set(loadedConfigFiles(source, options.configFiles));
    const { include, exclude } = siteSettings(config);
    watcher = watchSource({
      source,
      destination: siteFolders(config).destination,
      configFiles: [...configFiles],
      exclude,
      include,
      debounceMs: options.debounceMs,
      onChange: schedule,
      warn: (message) => print(`Warning: ${message}`),
    });
    await watcher.ready;
  };

  firstBuild = runBuild();
  await firstBuild;
  await restartWatcher();

  let closed = false;
  return {
    url: `${url}${site.baseurl.replace(/\/+$/, '')}/`,
    port,
    idle: async () => {
      // A rebuild may queue another; wait until the chain is still.
      let seen: Promise<void>;
      do {
        seen = running;
        await seen;
      } while (seen !== running || queued);
    },
    onBuild: (listener) => listeners.push(listener),
    close: async () => {
      if (closed) return;
      closed = true;
      await watcher?.close();
      await running; // a rebuild in progress finishes writing; nothing is left half-written
      live?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await sass.dispose();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortInUse(`port ${port} on ${host} is already in use`));
      else if (error.code === 'EACCES')
        reject(new PortInUse(`port ${port} on ${host} needs privileges this user does not have`));
      else reject(error);
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** The config files in use (for the watcher), whether or not they parse. */
function loadedConfigFiles(source: string, configFiles: string[] | undefined): string[] {
  if (configFiles?.length) return configFiles.map((file) => path.resolve(file));
  return ['_config.yml', '_config.yaml'].map((name) => path.join(source, name));
}
