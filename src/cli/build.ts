/** `scholarsite build`. */
import path from 'node:path';
import { BuildFailed, build } from '../build.ts';
import { type Config, publishingMode } from '../config/index.ts';
import { isDirectory } from '../stat.ts';
import { parseFlags, reportBug } from './flags.ts';
import { showHelp } from './help.ts';

export const BUILD_OPTIONS = {
  source: { type: 'string', short: 's' },
  destination: { type: 'string', short: 'd' },
  config: { type: 'string' },
  baseurl: { type: 'string', short: 'b' },
  drafts: { type: 'boolean', short: 'D' },
  future: { type: 'boolean' },
  unpublished: { type: 'boolean' },
  strict: { type: 'boolean' },
  profile: { type: 'boolean' },
  'disable-disk-cache': { type: 'boolean' },
  'github-pages': { type: 'boolean' },
  'no-github-pages': { type: 'boolean' },
  incremental: { type: 'boolean', short: 'I' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean', short: 'V' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Command-line values that override the config files, as Jekyll applies them. */
function overridesFrom(values: {
  baseurl?: string;
  drafts?: boolean;
  future?: boolean;
  unpublished?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}): Config {
  const overrides: Config = {};
  if (values.baseurl !== undefined) overrides.baseurl = values.baseurl;
  if (values.drafts) overrides.show_drafts = true;
  if (values.future) overrides.future = true;
  if (values.unpublished) overrides.unpublished = true;
  if (values.quiet) overrides.quiet = true;
  if (values.verbose) overrides.verbose = true;
  return overrides;
}

/** What `build` and `serve` both take from the command line. */
export function siteOptionsFrom(
  values: Parameters<typeof overridesFrom>[0] & { destination?: string; config?: string },
) {
  return {
    destination: values.destination,
    configFiles: values.config
      ?.split(',')
      .map((file) => file.trim())
      .filter(Boolean),
    overrides: overridesFrom(values),
  };
}

/**
 * `--github-pages` / `--no-github-pages`, else what the repository says; printed, since the two
 * modes publish different sites.
 */
export function githubPagesFlag(
  values: { 'github-pages'?: boolean; 'no-github-pages'?: boolean },
  source: string,
  out: (text: string) => void,
): boolean {
  const flag = values['no-github-pages'] ? false : values['github-pages'] ? true : undefined;
  const mode = publishingMode(source, flag);
  out(`              Mode: ${mode.githubPages ? 'GitHub Pages' : 'plain Jekyll 4.3'} (${mode.reason})`);
  return mode.githubPages;
}

/** A `--source` that is not a folder is the user's slip, said plainly (not a crash). */
export function isSiteFolder(source: string): boolean {
  if (isDirectory(source)) return true;
  process.stderr.write(
    `Error: ${source}: there is no folder here\n  Hint: give your site's folder with -s, e.g. -s ~/my-site\n`,
  );
  return false;
}

export async function runBuild(argv: string[]): Promise<number> {
  const values = parseFlags(argv, BUILD_OPTIONS);
  if (!values) return 1;
  if (values.help) return showHelp();
  const source = path.resolve(values.source ?? '.');
  if (!isSiteFolder(source)) return 1;
  const out = (text: string) => {
    if (!values.quiet) process.stdout.write(`${text}\n`);
  };
  const started = performance.now();
  out(`            Source: ${source}`);
  const githubPages = githubPagesFlag(values, source, out);
  try {
    const result = await build({
      source,
      githubPages,
      ...siteOptionsFrom(values),
      strict: values.strict,
      profile: values.profile,
      diskCache: !values['disable-disk-cache'],
      keepIncremental: values.incremental,
      print: (text) => process.stderr.write(`${text}\n`),
      log: values.verbose ? (text) => process.stdout.write(`${text}\n`) : undefined,
    });
    out(`       Destination: ${result.site.destination}`);
    out(`                    done in ${((performance.now() - started) / 1000).toFixed(3)} seconds.`);
    if (values.profile && result.profile) process.stdout.write(`\n${result.profile.report()}\n`);
    const warnings = result.diagnostics.warnings.length;
    if (warnings) process.stderr.write(`Built with ${warnings} warning${warnings === 1 ? '' : 's'}.\n`);
    return 0;
  } catch (error) {
    if (error instanceof BuildFailed) {
      const { errors, warnings } = error.diagnostics;
      const counts = [`${errors.length} error${errors.length === 1 ? '' : 's'}`];
      if (warnings.length) counts.push(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}`);
      process.stderr.write(`Build failed: ${counts.join(', ')}. The previous site was left as it was.\n`);
      return 1;
    }
    return reportBug(error);
  }
}
