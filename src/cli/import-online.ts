/**
 * `scholarsite import orcid|doi|arxiv|dblp …`: publications from where researchers keep them,
 * into the site's `.bib` file (or `_publications/` on a site that reads no BibTeX), saying what
 * was added, updated and skipped.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { bibFileNames, bibliographyConfigured, bibliographySettings } from '../config/bibliography.ts';
import { type Config, loadConfig } from '../config/index.ts';
import { SiteError } from '../errors.ts';
import { bibtexEntry, entryKey, mergeIntoBib } from '../import/bib-file.ts';
import { publicationsFromBibtex } from '../import/bibtex.ts';
import { markedFile, type WriteOutcome, writeGenerated } from '../import/generated-files.ts';
import {
  contactEmail,
  fetchRecords,
  identities,
  type OnlineKind,
  type PublicationRecord,
  ScholarlyClient,
} from '../import/online/index.ts';
import { loadBibtexParser } from '../read/bibliography/parse.ts';
import { version } from '../version.ts';

/** The ids given, and those in the files given (one or more a line; `#` starts a comment). */
function idsFrom(inputs: string[]): string[] {
  return inputs.flatMap((input) => {
    if (!existsSync(input) || !statSync(input).isFile()) return [input];
    return readFileSync(input, 'utf8')
      .split(/\r?\n/)
      .map((line) => line.replace(/#.*/, ''))
      .flatMap((line) => line.split(/[\s,;]+/))
      .filter(Boolean);
  });
}

/**
 * The `.bib` file imports go to: `--bib`, else the bibliography's papers.bib (or its first file)
 * when the site keeps `.bib` or `.bibtex` files or asks for them in its config; else none
 * (`_publications/`).
 */
function bibTarget(site: string, config: Config, bib: string | undefined): string | undefined {
  if (bib) return path.resolve(site, bib);
  const settings = bibliographySettings(config);
  if (!settings) return undefined;
  const folder = path.join(site, settings.source);
  // A `.bibtex` file is read by builds as a `.bib` one is: a new papers.bib beside it would
  // repeat the papers it has.
  const names = bibFileNames(folder);
  if (names.length === 0 && !bibliographyConfigured(config)) return undefined;
  return path.join(folder, names.includes('papers.bib') ? 'papers.bib' : (names[0] ?? 'papers.bib'));
}

/**
 * Why a build will not show what was written, when it will not: builds read the `.bib` files of
 * the bibliography folder only, and on a site that asks for them nowhere in _config.yml, only
 * once a page uses a bibliography tag.
 */
function unreadBibNote(site: string, config: Config, target: string): string | undefined {
  const settings = bibliographySettings(config);
  const folder = settings && path.join(site, settings.source);
  if (!folder || path.dirname(target) !== folder) {
    return `Note: builds read the .bib files in ${settings?.source ?? '_bibliography'}/ only: ${path.relative(site, target)} is not shown on the site.`;
  }
  if (bibliographyConfigured(config)) return undefined;
  return `Note: the papers in ${path.relative(site, target)} show on the site once a page lists them with {% bibliography %}, or with \`bibliography: true\` in _config.yml.`;
}

/**
 * A note when files went into a collection folder the site does not declare: Jekyll reads no
 * `_talks/` it was not told of, so the site would show none of them.
 */
export function undeclaredCollectionNote(config: Config, label: string): string | undefined {
  if (label in (config.collections as Config)) return undefined;
  // The bibliography's collection is declared by the build when _config.yml asks for .bib files.
  if (bibliographyConfigured(config) && bibliographySettings(config)?.collection === label) return undefined;
  return `Note: _${label}/ is not a collection in _config.yml, so the site shows none of its files: add it under collections: (collections: { ${label}: { output: true } }).`;
}

export async function runOnlineImport(
  kind: OnlineKind,
  inputs: string[],
  options: { site: string; bib?: string; force: boolean },
): Promise<number> {
  const { site } = options;
  const { config } = loadConfig({ source: site });
  const mailto = contactEmail(config);
  const client = new ScholarlyClient({ userAgent: `scholarsite/${version()} (publication import)`, mailto });
  const ids = idsFrom(inputs);
  if (!ids.length) {
    throw new SiteError({
      message: `nothing to import: the list is empty`,
      file: inputs.join(' '),
      hint: 'Give ids, or a file with one a line.',
    });
  }
  const { records, skipped } = await fetchRecords(kind, ids, client);
  for (const item of skipped) process.stdout.write(`  skipped ${item.what}: ${item.why}\n`);
  const target = bibTarget(site, config, options.bib);
  if (!target) await loadBibtexParser(); // _publications/ files are made as `import bibtex` makes them
  const counts = target ? writeBib(site, target, records) : writePublications(site, records, options.force);
  const where = target ? path.relative(site, target) : '_publications/';
  process.stdout.write(
    `${where}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.skipped + skipped.length} skipped (${records.length} found at ${kindName(kind)}).\n`,
  );
  const unread = target
    ? unreadBibNote(site, config, target)
    : undeclaredCollectionNote(config, 'publications');
  if (unread) process.stdout.write(`${unread}\n`);
  if (!mailto) {
    process.stdout.write(
      'Note: set scholar: { mailto: you@example.org } in _config.yml: Crossref and OpenAlex answer faster when they can reach you.\n',
    );
  }
  return 0;
}

const kindName = (kind: OnlineKind) =>
  ({ orcid: 'ORCID', doi: 'Crossref/doi.org', arxiv: 'arXiv', dblp: 'DBLP' })[kind];

interface Counts {
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

function writeBib(site: string, file: string, records: PublicationRecord[]): Counts {
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const { text, report } = mergeIntoBib(before, records, path.relative(site, file));
  for (const entry of report.added)
    process.stdout.write(`  added ${entry.key}: ${entry.title} (${entry.from})\n`);
  for (const entry of report.updated) {
    const kept = entry.kept.length ? `; kept your edits to ${entry.kept.join(', ')}` : '';
    process.stdout.write(`  updated ${entry.key}: ${entry.fields.join(', ')}${kept}\n`);
  }
  for (const entry of report.skipped) process.stdout.write(`  skipped ${entry.key}: ${entry.why}\n`);
  if (text !== before) {
    // Written whole, then swapped in: an interrupted import never leaves half a file.
    const temporary = `${file}.scholarsite-${process.pid}`;
    mkdirSync(path.dirname(file), { recursive: true }); // a new file, perhaps in a new folder
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  }
  return {
    added: report.added.length,
    updated: report.updated.length,
    unchanged: report.unchanged.length,
    skipped: report.skipped.length,
  };
}

/** The `_publications/` files there are, by the identities of the paper each describes. */
function publicationFiles(site: string): Map<string, string> {
  const folder = path.join(site, '_publications');
  const byIdentity = new Map<string, string>();
  if (!existsSync(folder)) return byIdentity;
  for (const name of readdirSync(folder).sort()) {
    if (!/\.(md|markdown|html)$/.test(name)) continue;
    const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(
      readFileSync(path.join(folder, name), 'utf8'),
    )?.[1];
    let data: Record<string, unknown> | null = null;
    try {
      data = parse(frontMatter ?? '') as Record<string, unknown> | null;
    } catch {
      continue; // the build will say what is wrong with it
    }
    const text = (key: string) => (typeof data?.[key] === 'string' ? (data[key] as string) : undefined);
    for (const id of identities({ doi: text('doi'), arxiv: text('arxiv'), title: text('title') })) {
      if (!byIdentity.has(id)) byIdentity.set(id, `_publications/${name}`);
    }
  }
  return byIdentity;
}

/**
 * A site without BibTeX: one academicpages `_publications/` file per record, as `import bibtex`
 * writes them; a paper that has a file already (same DOI, arXiv id or title) keeps that file.
 */
function writePublications(site: string, records: PublicationRecord[], force: boolean): Counts {
  const taken = new Set<string>();
  const bibtex = records.map((record) => bibtexEntry(record, entryKey(record, taken))).join('\n');
  const { files } = publicationsFromBibtex(bibtex, 'imported records');
  const existing = publicationFiles(site);
  const outcomes: Record<WriteOutcome, number> = { created: 0, updated: 0, unchanged: 0, kept: 0 };
  files.forEach((file, i) => {
    const known =
      files.length === records.length
        ? identities(records[i].fields)
            .map((id) => existing.get(id))
            .find(Boolean)
        : undefined;
    const where = known ?? file.path;
    const outcome = writeGenerated(path.join(site, where), markedFile(file.frontMatter, file.body), force);
    outcomes[outcome]++;
    if (outcome === 'kept')
      process.stdout.write(`  skipped ${where}: written or edited by you (--force replaces it)\n`);
    else if (outcome !== 'unchanged')
      process.stdout.write(`  ${outcome === 'created' ? 'added' : 'updated'} ${where}\n`);
  });
  return {
    added: outcomes.created,
    updated: outcomes.updated,
    unchanged: outcomes.unchanged,
    skipped: outcomes.kept,
  };
}
