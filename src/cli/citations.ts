/** `scholarsite citations`: citation counts of the site's publications into `_data/citations.yml`. */
import path from 'node:path';
import { updateCitations } from '../citations/counts.ts';
import { type Config, loadConfig } from '../config/index.ts';
import { contactEmail, ScholarlyClient } from '../import/online/index.ts';
import { version } from '../version.ts';
import { isSiteFolder } from './build.ts';
import { parseFlagsAndFolders, reportProblem } from './flags.ts';
import { showHelp } from './help.ts';

export async function runCitations(argv: string[]): Promise<number> {
  const parsed = parseFlagsAndFolders(argv, {
    source: { type: 'string', short: 's' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed) return 1;
  if (parsed.values.help) return showHelp();
  if (parsed.positionals.length) {
    process.stderr.write('Error: `citations` takes no arguments.\n  Hint: scholarsite citations [-s SITE]\n');
    return 1;
  }
  const source = path.resolve(parsed.values.source ?? '.');
  if (!isSiteFolder(source)) return 1;
  try {
    const { config } = loadConfig({ source });
    if ((config.scholar as Config | undefined)?.citations === false) {
      process.stdout.write('Citation counts are off (scholar: { citations: false } in _config.yml).\n');
      return 0;
    }
    const mailto = contactEmail(config);
    const client = new ScholarlyClient({ userAgent: `scholarsite/${version()} (citation counts)`, mailto });
    const result = await updateCitations(config, client, { today: new Date().toISOString().slice(0, 10) });
    const file = path.relative(source, result.file);
    for (const failure of result.failures) {
      process.stderr.write(
        `${failure.format('Warning')}\n  (the works it asked for keep their last counts)\n`,
      );
    }
    if (result.notFound.length) {
      process.stdout.write(
        `  no count from ${result.source} for ${result.notFound.length} of ${result.works}: ${result.notFound.join(', ')}\n`,
      );
    }
    const change =
      result.previousTotal !== undefined && result.previousTotal !== result.total
        ? ` (${result.total > result.previousTotal ? '+' : ''}${result.total - result.previousTotal} since the last counts)`
        : '';
    process.stdout.write(
      `${result.works} publication${result.works === 1 ? '' : 's'} with a DOI or arXiv id, cited ${result.total} times in all${change}, by ${result.source}; ${file} ${result.written ? 'written' : 'unchanged'}.\n`,
    );
    return result.failures.length ? 1 : 0;
  } catch (error) {
    return reportProblem(error);
  }
}
