/** `scholarsite migrate SRC DEST`. */
import path from 'node:path';
import { migrate } from '../scaffold/migrate.ts';
import { version } from '../version.ts';
import { parseFlagsAndFolders, reportProblem } from './flags.ts';
import { showHelp } from './help.ts';

export async function runMigrate(argv: string[]): Promise<number> {
  const parsed = parseFlagsAndFolders(argv, {
    help: { type: 'boolean', short: 'h' },
    'no-vendor': { type: 'boolean' },
  });
  if (!parsed) return 1;
  if (parsed.values.help) return showHelp();
  if (parsed.positionals.length !== 2) {
    process.stderr.write(
      'Error: `migrate` takes the old site folder and a new folder.\n  Hint: scholarsite migrate my-old-site my-site\n',
    );
    return 1;
  }
  const [src, dest] = parsed.positionals.map((folder) => path.resolve(folder));
  try {
    const result = migrate(src, dest, version(), { vendor: !parsed.values['no-vendor'] });
    const out: string[] = [`Copied ${result.copied.length} files from ${src} to ${dest}.`];
    if (result.leftBehind.length)
      out.push(`Left behind (the old theme and build files): ${result.leftBehind.join(', ')}.`);
    out.push('_config.yml now says `theme: scholarsite`.');
    if (result.workflow)
      out.push('Added .github/workflows/scholarsite.yml to publish the site on GitHub Pages.');
    if (result.vendored.file)
      out.push(`Added ${result.vendored.file}, the scholarsite that workflow installs.`);
    if (result.vendored.problem) out.push(`Warning: ${result.vendored.problem}`);
    const fromTheme = result.steps.filter(
      (step) => step.action !== 'dropped' || !result.leftBehind.includes(step.what),
    );
    if (fromTheme.length) {
      out.push('', 'From the old theme:');
      for (const step of fromTheme) out.push(`  ${step.action}: ${step.what} (${step.why})`);
    }
    if (result.missing.length) {
      out.push(
        '',
        `The content names ${result.missing.length} include${result.missing.length === 1 ? '' : 's'} or layout${result.missing.length === 1 ? '' : 's'} found in neither the old site nor the theme:`,
      );
      for (const ref of result.missing) {
        const where = ref.line ? `${ref.file}:${ref.line}` : ref.file;
        out.push(`  ${where}: ${ref.kind} '${ref.name}'`);
      }
      out.push(
        '  Hint: write those files in the new site (a placeholder stands in for each include), or remove the lines that use them.',
      );
    } else {
      out.push('', 'Every include and layout the content names is in the new site or the built-in theme.');
    }
    for (const advice of result.advice) out.push('', advice);
    out.push('', `All of this is in ${shown(path.join(dest, result.report))}.`);
    out.push('', `Next: scholarsite serve -s ${shown(dest)}`);
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  } catch (error) {
    return reportProblem(error);
  }
}

/** A path as the user can type it from here: relative when inside this folder, else absolute. */
function shown(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative === '' ? '.' : relative.startsWith('..') ? absolute : relative;
}
