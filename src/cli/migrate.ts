/** `scholarsite migrate SRC DEST`. */
import path from 'node:path';
import { migrate } from '../scaffold/migrate.ts';
import { parseFlagsAndFolders, reportProblem } from './flags.ts';
import { showHelp } from './help.ts';
import { version } from './version.ts';

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
    if (result.missing.length) {
      out.push(
        '',
        `The content still names ${result.missing.length} include${result.missing.length === 1 ? '' : 's'} or layout${result.missing.length === 1 ? '' : 's'} that the built-in theme does not have:`,
      );
      for (const ref of result.missing) {
        const where = ref.line ? `${ref.file}:${ref.line}` : ref.file;
        out.push(`  ${where}: ${ref.kind} '${ref.name}'`);
      }
      out.push(
        '  Hint: copy those files from the old site (_includes/ or _layouts/) into the new one, or remove the lines that use them.',
      );
    } else {
      out.push('Every include and layout the content names is in the built-in theme.');
    }
    for (const advice of result.advice) out.push('', advice);
    out.push('', `Next: scholarsite serve -s ${path.relative(process.cwd(), dest) || '.'}`);
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  } catch (error) {
    return reportProblem(error);
  }
}
