/** `scholarsite check`: build into a temporary folder, then check what was built. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BuildFailed, build } from '../build.ts';
import { checkSite, formatJson, formatReport, type Problem, summarize } from '../check/index.ts';
import { isSiteFolder, siteOptionsFrom } from './build.ts';
import { parseFlags, reportBug } from './flags.ts';
import { showHelp } from './help.ts';

const CHECK_OPTIONS = {
  source: { type: 'string', short: 's' },
  config: { type: 'string' },
  baseurl: { type: 'string', short: 'b' },
  external: { type: 'boolean' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runCheck(argv: string[]): Promise<number> {
  const values = parseFlags(argv, CHECK_OPTIONS);
  if (!values) return 1;
  if (values.help) return showHelp();
  const source = path.resolve(values.source ?? '.');
  if (!isSiteFolder(source)) return 1;
  const timeout = values.timeout === undefined ? 10 : Number(values.timeout);
  if (!(timeout > 0)) {
    process.stderr.write(
      `Error: --timeout ${values.timeout}: give the seconds to wait for each external link, e.g. --timeout 20\n`,
    );
    return 1;
  }
  const say = (text: string) => {
    if (!values.quiet) process.stderr.write(`${text}\n`);
  };
  // Never the user's _site: a check leaves no trace but the link cache.
  const temporary = mkdtempSync(path.join(os.tmpdir(), 'scholarsite-check-'));
  const destination = path.join(temporary, '_site');
  try {
    say(`Building ${source} to check it…`);
    const result = await build({
      source,
      ...siteOptionsFrom({ config: values.config, baseurl: values.baseurl, quiet: values.quiet }),
      destination,
      print: (text) => process.stderr.write(`${text}\n`),
    });
    const { site } = result;
    const cacheFile = path.join(site.folders.ownCacheDir, 'links.json');
    if (values.external) say('Checking links to other sites (answers are kept for a day)…');
    const checked = await checkSite(site, destination, {
      external: values.external ? { cacheFile, timeout: timeout * 1000 } : undefined,
    });
    // What the build noted but Jekyll builds without a word (a YAML key set twice).
    const noted: Problem[] = result.diagnostics.findings.map((note) => ({
      severity: 'warning',
      rule: 'build',
      message: note.message,
      file: note.file,
      ...(note.line !== undefined ? { line: note.line } : {}),
      output: note.file,
      hint: note.hint ?? 'Correct the source file.',
    }));
    const problems = [...noted, ...checked.problems];
    const summary = summarize(problems, checked.pages, checked.externalLinks);
    process.stdout.write(values.json ? formatJson(problems, summary) : formatReport(problems, summary));
    return summary.errors > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof BuildFailed) {
      const { errors } = error.diagnostics;
      process.stderr.write(
        `Build failed: ${errors.length} error${errors.length === 1 ? '' : 's'}, so nothing was checked.\n`,
      );
      if (values.json) {
        const problems: Problem[] = errors.map((e) => ({
          severity: 'error',
          rule: 'build',
          message: e.message,
          file: e.file,
          ...(e.line !== undefined ? { line: e.line } : {}),
          output: '',
          hint: e.hint ?? 'Correct the error: the site does not build.',
        }));
        process.stdout.write(formatJson(problems, summarize(problems, 0)));
      }
      return 1;
    }
    return reportBug(error);
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}
