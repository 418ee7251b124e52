/** `scholarsite import tsv FILE`, `import bibtex FILE`, and `import orcid|doi|arxiv|dblp ID…`. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/index.ts';
import { SiteError } from '../errors.ts';
import { publicationsFromBibtex } from '../import/bibtex.ts';
import { markedFile, type WriteOutcome, writeGenerated } from '../import/generated-files.ts';
import { ONLINE_KINDS } from '../import/online/index.ts';
import { type ImportedFile, parseTsv, publicationsFromTsv, talksFromTsv, tsvKind } from '../import/tsv.ts';
import { loadBibtexParser } from '../read/bibliography/parse.ts';
import { isSiteFolder } from './build.ts';
import { parseFlagsAndFolders, reportProblem } from './flags.ts';
import { showHelp } from './help.ts';
import { runOnlineImport, undeclaredCollectionNote } from './import-online.ts';

const USAGE =
  'Hint: scholarsite import tsv publications.tsv | talks.tsv, import bibtex papers.bib, import orcid 0000-0002-1825-0097, import doi 10.1234/abc … (or a file of them), import arxiv 2405.14132 …, import dblp 12/3456 (-s SITE, --bib FILE, --force)';

export async function runImport(argv: string[]): Promise<number> {
  const parsed = parseFlagsAndFolders(argv, {
    source: { type: 'string', short: 's' },
    force: { type: 'boolean' },
    bib: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed) return 1;
  if (parsed.values.help) return showHelp();
  const [kind, input, ...extra] = parsed.positionals;
  const online = ONLINE_KINDS.find((name) => name === kind);
  if (!input || (extra.length && !online) || (kind !== 'tsv' && kind !== 'bibtex' && !online)) {
    process.stderr.write(
      `Error: import takes a kind (tsv, bibtex, orcid, doi, arxiv or dblp) and what to import.\n  ${USAGE}\n`,
    );
    return 1;
  }
  const site = path.resolve(parsed.values.source ?? '.');
  if (!isSiteFolder(site)) return 1;
  if (online) {
    try {
      return await runOnlineImport(online, [input, ...extra], {
        site,
        bib: parsed.values.bib,
        force: Boolean(parsed.values.force),
      });
    } catch (error) {
      return reportProblem(error);
    }
  }
  try {
    let text: string;
    try {
      text = readFileSync(input, 'utf8');
    } catch {
      throw new SiteError({ message: 'this file could not be read', file: input, hint: 'Check the path.' });
    }
    let files: ImportedFile[];
    if (kind === 'bibtex') {
      await loadBibtexParser();
      const result = publicationsFromBibtex(text, input);
      for (const problem of result.problems) process.stderr.write(`${problem.format('Warning')}\n`);
      files = result.files;
    } else {
      const rows = parseTsv(text, input);
      const which = tsvKind(rows, text.split(/\r?\n/, 1)[0]);
      if (!which) {
        throw new SiteError({
          message: "the columns are not academicpages' publications.tsv or talks.tsv",
          file: input,
          line: 1,
          hint: 'publications.tsv has pub_date, title, venue, excerpt, citation, url_slug, paper_url; talks.tsv has title, type, url_slug, venue, date, location, talk_url, description.',
        });
      }
      files = which === 'publications' ? publicationsFromTsv(rows, input) : talksFromTsv(rows, input);
    }
    const { config } = loadConfig({ source: site }); // a config Jekyll stops on stops the import first
    const counts: Record<WriteOutcome, number> = { created: 0, updated: 0, unchanged: 0, kept: 0 };
    for (const file of files) {
      const outcome = writeGenerated(
        path.join(site, file.path),
        markedFile(file.frontMatter, file.body),
        Boolean(parsed.values.force),
      );
      counts[outcome]++;
      if (outcome === 'kept')
        process.stdout.write(`  kept ${file.path}: edited since it was imported (--force replaces it)\n`);
      else if (outcome !== 'unchanged') process.stdout.write(`  ${outcome} ${file.path}\n`);
    }
    process.stdout.write(
      `Imported ${files.length} entries: ${counts.created} new, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.kept} kept as you edited them.\n`,
    );
    const labels = new Set(files.map((file) => file.path.split('/')[0].replace(/^_/, '')));
    for (const label of labels) {
      const note = undeclaredCollectionNote(config, label);
      if (note) process.stdout.write(`${note}\n`);
    }
    return 0;
  } catch (error) {
    return reportProblem(error);
  }
}
