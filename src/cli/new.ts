/** `scholarsite new DIR`. */
import path from 'node:path';
import { newSite } from '../scaffold/new-site.ts';
import { version } from '../version.ts';
import { parseFlagsAndFolders, reportProblem } from './flags.ts';
import { showHelp } from './help.ts';

export async function runNew(argv: string[]): Promise<number> {
  const parsed = parseFlagsAndFolders(argv, {
    help: { type: 'boolean', short: 'h' },
    'no-vendor': { type: 'boolean' },
  });
  if (!parsed) return 1;
  if (parsed.values.help) return showHelp();
  if (parsed.positionals.length !== 1) {
    process.stderr.write('Error: `new` takes one folder name.\n  Hint: scholarsite new my-site\n');
    return 1;
  }
  const dest = path.resolve(parsed.positionals[0]);
  try {
    const { files, problem } = newSite(dest, version(), { vendor: !parsed.values['no-vendor'] });
    const shown = path.relative(process.cwd(), dest) || '.';
    process.stdout.write(
      `New site in ${dest} (${files.length} files).\n\n` +
        'Next:\n' +
        `  scholarsite serve -s ${shown}    # preview at http://localhost:4000, reloads on save\n` +
        `  edit ${path.join(shown, '_config.yml')} (your name, links) and the files in _pages/, _publications/, _posts/ …\n\n` +
        'To publish on GitHub Pages, push the folder to a GitHub repository and choose\n' +
        'Settings → Pages → Source: GitHub Actions; .github/workflows/scholarsite.yml does the rest\n' +
        '(it installs the copy of scholarsite in .github/scholarsite/).\n',
    );
    if (problem) process.stderr.write(`Warning: ${problem}\n`);
    return 0;
  } catch (error) {
    return reportProblem(error);
  }
}
