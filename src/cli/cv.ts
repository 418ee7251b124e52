/** `scholarsite cv --pdf`. */
import path from 'node:path';
import { BuildFailed } from '../build.ts';
import { printCv } from '../cv/pdf.ts';
import { SiteError } from '../errors.ts';
import { isSiteFolder } from './build.ts';
import { parseFlagsAndFolders } from './flags.ts';
import { showHelp } from './help.ts';

export async function runCv(argv: string[]): Promise<number> {
  const parsed = parseFlagsAndFolders(argv, {
    source: { type: 'string', short: 's' },
    output: { type: 'string', short: 'o' },
    page: { type: 'string' },
    pdf: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed) return 1;
  const { values } = parsed;
  if (values.help) return showHelp();
  if (!values.pdf || parsed.positionals.length) {
    process.stderr.write(
      'Error: `cv` makes a PDF of the CV page.\n  Hint: scholarsite cv --pdf [-s SITE] [-o cv.pdf] [--page /cv/]\n',
    );
    return 1;
  }
  const source = path.resolve(values.source ?? '.');
  if (!isSiteFolder(source)) return 1;
  const output = path.resolve(values.output ?? 'cv.pdf');
  try {
    const { bytes } = await printCv({
      source,
      output,
      page: values.page ?? '/cv/',
      print: (text) => process.stderr.write(`${text}\n`),
    });
    process.stdout.write(`Wrote ${output} (${Math.round(bytes / 1024)} KB).\n`);
    return 0;
  } catch (error) {
    if (error instanceof BuildFailed) {
      process.stderr.write('The site did not build, so there is no CV to print.\n');
      return 1;
    }
    if (error instanceof SiteError) {
      process.stderr.write(`${error.format()}\n`);
      return 1;
    }
    process.stderr.write(`Error: the CV could not be printed: ${(error as Error).message}\n`);
    return 1;
  }
}
