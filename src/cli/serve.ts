/** `scholarsite serve`: `jekyll serve`'s flags, with live reload on by default. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PortInUse, serve } from '../serve/index.ts';
import { BUILD_OPTIONS, githubPagesFlag, isSiteFolder, siteOptionsFrom } from './build.ts';
import { parseFlags } from './flags.ts';
import { showHelp } from './help.ts';

const SERVE_OPTIONS = {
  ...BUILD_OPTIONS,
  host: { type: 'string', short: 'H' },
  port: { type: 'string', short: 'P' },
  open: { type: 'boolean', short: 'o' },
  'no-livereload': { type: 'boolean' },
  // Jekyll's opt-ins, accepted so muscle memory works: both are always on here.
  livereload: { type: 'boolean', short: 'l' },
  incremental: { type: 'boolean', short: 'I' },
} as const;

export async function runServe(argv: string[]): Promise<number> {
  const values = parseFlags(argv, SERVE_OPTIONS);
  if (!values) return 1;
  if (values.help) return showHelp();
  const port = Number(values.port ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(
      `Error: '${values.port}' is not a port number.\n  Hint: use a number from 1 to 65535, or -P 0 for any free port.\n`,
    );
    return 1;
  }
  process.env.JEKYLL_ENV ??= 'development';
  const source = path.resolve(values.source ?? '.');
  if (!isSiteFolder(source)) return 1;
  const out = (text: string) => {
    if (!values.quiet) process.stdout.write(`${text}\n`);
  };
  out(`            Source: ${source}`);
  const githubPages = githubPagesFlag(values, source, out);
  let server: Awaited<ReturnType<typeof serve>>;
  try {
    server = await serve({
      source,
      ...siteOptionsFrom(values),
      host: values.host ?? '127.0.0.1',
      port,
      liveReload: !values['no-livereload'],
      strict: values.strict,
      githubPages,
      diskCache: !values['disable-disk-cache'],
      print: (text) => process.stderr.write(`${text}\n`),
      log: out,
    });
  } catch (error) {
    if (error instanceof PortInUse) {
      process.stderr.write(
        `Error: ${error.message}.\n  Hint: stop the other server (another \`scholarsite serve\` or \`jekyll serve\`?), or choose another port: -P ${port === 4000 ? 4001 : port + 1}, or -P 0 for any free port.\n`,
      );
      return 1;
    }
    throw error;
  }
  out(`    Server address: ${server.url}`);
  out('  Server running... press ctrl-c to stop.');
  if (values.open) openBrowser(server.url);

  await new Promise<void>((resolve) => {
    const stop = () => {
      out('\n  Stopping: finishing the current rebuild, closing the watcher.');
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

/** The system's way of opening a URL; a failure to open is not a failure to serve. */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`Could not open a browser; visit ${url}\n`));
  child.unref();
}
