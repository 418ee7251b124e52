/**
 * `scholarsite citations`: how often each publication with a DOI or an arXiv id is cited, from
 * OpenAlex (or Semantic Scholar), into `_data/citations.yml`, which the theme shows beside each
 * paper and as a total. Counts are fetched in batches; a batch that fails keeps its works' last
 * counts; the file is written only when a count changed, so a re-run with nothing new upstream
 * leaves it (and the repository) as it is.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { bibliographySettings } from '../config/bibliography.ts';
import type { Config } from '../config/index.ts';
import { Diagnostics, SiteError } from '../errors.ts';
import {
  normalArxiv,
  normalDoi,
  type ScholarlyClient,
  type Service,
  services,
  unexpectedAnswer,
} from '../import/online/index.ts';
import { hasBibFiles } from '../read/bibliography/index.ts';
import { loadBibtexParser } from '../read/bibliography/parse.ts';
import { readSite } from '../read/reader.ts';
import { Site } from '../site/site.ts';

type CitationSource = 'openalex' | 'semanticscholar';

/** A publication to count: its key in the data file (as the theme computes it) and how to ask for it. */
interface Work {
  key: string;
  doi?: string;
  arxiv?: string;
}

export interface CitationsResult {
  file: string;
  source: string;
  works: number;
  counts: Record<string, number>;
  total: number;
  previousTotal?: number;
  written: boolean;
  /** Works no count was found for (they keep their last one, if any). */
  notFound: string[];
  /** Batches that failed: their works keep their last counts. */
  failures: SiteError[];
}

/**
 * The key the theme looks a publication up by (theme/_includes/citation-count.html): its DOI
 * in lower case, else `arxiv:` and its arXiv id.
 */
function citationKey(data: Config): Work | undefined {
  if (typeof data.doi === 'string' && data.doi.trim()) {
    const key = data.doi.trim().toLowerCase().replace('https://doi.org/', '');
    const doi = normalDoi(key);
    return doi ? { key, doi, arxiv: normalArxiv(doi) } : undefined;
  }
  if (typeof data.arxiv === 'string' && normalArxiv(data.arxiv)) {
    return { key: `arxiv:${data.arxiv.trim()}`, arxiv: normalArxiv(data.arxiv) };
  }
  return undefined;
}

async function publications(config: Config): Promise<{ works: Work[]; dataDir: string }> {
  if (hasBibFiles(config)) await loadBibtexParser();
  const diagnostics = new Diagnostics(() => {}); // the build that follows says what is wrong
  const site = new Site(config, diagnostics);
  readSite(site, { diagnostics });
  const label = bibliographySettings(config)?.collection ?? 'publications';
  const works = new Map<string, Work>();
  for (const doc of site.collections.get(label)?.docs ?? []) {
    const work = citationKey(doc.data);
    if (work) works.set(work.key, work);
  }
  return {
    works: [...works.values()],
    dataDir: site.folders.dataDir,
  };
}

/** OpenAlex: `/works?filter=doi:a|b|…` (50 a request), `cited_by_count` of each. */
async function fromOpenAlex(
  client: ScholarlyClient,
  api: Service,
  works: Work[],
  counts: Map<string, number>,
) {
  const failures: SiteError[] = [];
  for (let i = 0; i < works.length; i += 50) {
    const batch = works.slice(i, i + 50);
    const dois = batch.map((work) => work.doi ?? `10.48550/arxiv.${work.arxiv}`);
    const mailto = client.mailto ? `&mailto=${encodeURIComponent(client.mailto)}` : '';
    const url = `${api.base}/works?filter=doi:${dois.map(encodeURIComponent).join('|')}&per-page=50&select=doi,cited_by_count${mailto}`;
    try {
      const answer = await client.request(api, url, { accept: 'application/json' });
      if (answer.status !== 200) throw unexpectedAnswer(api, url, answer);
      const { results } = JSON.parse(answer.text) as { results: { doi?: string; cited_by_count?: number }[] };
      for (const result of results) {
        const doi = normalDoi(result.doi);
        const index = doi ? dois.indexOf(doi) : -1;
        if (index >= 0 && typeof result.cited_by_count === 'number')
          counts.set(batch[index].key, result.cited_by_count);
      }
    } catch (error) {
      if (!(error instanceof SiteError)) throw error;
      failures.push(error);
    }
  }
  return failures;
}

/** Semantic Scholar: `POST /paper/batch?fields=citationCount` (500 a request), `citationCount` of each. */
async function fromSemanticScholar(
  client: ScholarlyClient,
  api: Service,
  works: Work[],
  counts: Map<string, number>,
) {
  const failures: SiteError[] = [];
  const key = process.env.SEMANTIC_SCHOLAR_API_KEY;
  for (let i = 0; i < works.length; i += 500) {
    const batch = works.slice(i, i + 500);
    const ids = batch.map((work) => (work.arxiv ? `ARXIV:${work.arxiv}` : `DOI:${work.doi}`));
    const url = `${api.base}/paper/batch?fields=citationCount`;
    try {
      const answer = await client.request(api, url, {
        accept: 'application/json',
        body: JSON.stringify({ ids }),
        headers: key ? { 'x-api-key': key } : {},
      });
      if (answer.status !== 200) throw unexpectedAnswer(api, url, answer);
      const papers = JSON.parse(answer.text) as ({ citationCount?: number } | null)[];
      papers.forEach((paper, index) => {
        if (typeof paper?.citationCount === 'number') counts.set(batch[index].key, paper.citationCount);
      });
    } catch (error) {
      if (!(error instanceof SiteError)) throw error;
      failures.push(error);
    }
  }
  return failures;
}

interface CitationsFile {
  source?: string;
  updated?: string;
  total?: number;
  works?: Record<string, number>;
}

function readCitationsFile(file: string): CitationsFile {
  if (!existsSync(file)) return {};
  try {
    return (parse(readFileSync(file, 'utf8')) as CitationsFile | null) ?? {};
  } catch {
    throw new SiteError({
      message: 'this file is not the YAML `scholarsite citations` writes',
      file,
      hint: 'Delete it and run `scholarsite citations` again.',
    });
  }
}

function citationsYaml(
  source: string,
  updated: string,
  counts: Record<string, number>,
  total: number,
): string {
  const lines = Object.keys(counts)
    .sort()
    .map((key) => `  ${JSON.stringify(key)}: ${counts[key]}`);
  return `# How often each publication is cited, by DOI (or arxiv:ID), from ${source}. Written by
# \`scholarsite citations\` (the publishing workflow runs it weekly); the theme shows each count
# beside its paper and the total with {% include citations-total.html %}.
source: ${source}
updated: ${updated}
total: ${total}
works:
${lines.join('\n')}
`;
}

/** `config`: the site's, as `loadConfig({ source })` gives it. */
export async function updateCitations(
  config: Config,
  client: ScholarlyClient,
  options: { today: string; apis?: ReturnType<typeof services> },
): Promise<CitationsResult> {
  const apis = options.apis ?? services();
  const { works, dataDir } = await publications(config);
  const which: CitationSource =
    String((config.scholar as Config | undefined)?.citations ?? 'openalex')
      .toLowerCase()
      .replace(/[\s_-]/g, '') === 'semanticscholar'
      ? 'semanticscholar'
      : 'openalex';
  const service = which === 'openalex' ? apis.openalex : apis.semanticScholar;
  const file = path.join(dataDir, 'citations.yml');
  const previous = readCitationsFile(file);
  const fetched = new Map<string, number>();
  const failures =
    which === 'openalex'
      ? await fromOpenAlex(client, service, works, fetched)
      : await fromSemanticScholar(client, service, works, fetched);
  if (failures.length && fetched.size === 0 && works.length) throw failures[0];
  const counts: Record<string, number> = {};
  const notFound: string[] = [];
  for (const work of works) {
    const count = fetched.get(work.key) ?? previous.works?.[work.key];
    if (!fetched.has(work.key)) notFound.push(work.key);
    if (count !== undefined) counts[work.key] = count;
  }
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const same =
    (works.length === 0 && !existsSync(file)) ||
    (previous.source === service.name &&
      JSON.stringify(Object.entries(previous.works ?? {}).sort()) ===
        JSON.stringify(Object.entries(counts).sort()));
  if (!same) {
    const temporary = `${file}.scholarsite-${process.pid}`;
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(temporary, citationsYaml(service.name, options.today, counts, total));
    renameSync(temporary, file);
  }
  return {
    file,
    source: service.name,
    works: works.length,
    counts,
    total,
    previousTotal: previous.total,
    written: !same,
    notFound,
    failures,
  };
}
