/** `_data`: YAML, JSON, CSV and TSV files, folders becoming nested hashes (`DataReader`). */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { type ProblemInit, SiteError } from '../errors.ts';
import { folderLoopProblem, folderToEnter, isDirectory, isFile } from '../stat.ts';
import { parseYaml } from '../yaml/parse.ts';

export type DataTree = Record<string, unknown>;

/** `DataReader#sanitize_filename`. */
function sanitizeKey(name: string): string {
  return name.replace(/[^\w\s-]+|(?<=^|\b\s)\s+(?=$|\s?\b)/g, '').replace(/\s+/g, '_');
}

/**
 * `ancestors` are the real paths of the folders being read, so that a folder linking back to one
 * of them is reported to `stop` (Jekyll stops on it) instead of read forever.
 */
export function readData(
  dir: string,
  source: string,
  isExcluded: (absolute: string) => boolean,
  warn?: (problem: ProblemInit) => void,
  stop?: (problem: ProblemInit) => void,
  ancestors: string[] = [],
): DataTree {
  const data: DataTree = {};
  let entries: string[];
  const folder = folderToEnter(dir, ancestors);
  if (folder?.loops) {
    stop?.(folderLoopProblem(path.relative(source, dir), path.relative(realpathSync(source), folder.real)));
    return data;
  }
  try {
    if (!folder || !statSync(dir).isDirectory()) return data;
    entries = readdirSync(dir).sort();
  } catch {
    return data;
  }
  // Files first (Ruby's Dir glob of data files), then folders, as DataReader lists them.
  const files = entries.filter((e) => /\.(ya?ml|json|csv|tsv)$/i.test(e) && isFile(path.join(dir, e)));
  const folders = entries.filter((e) => isDirectory(path.join(dir, e)));
  for (const entry of files) {
    const absolute = path.join(dir, entry);
    if (isExcluded(absolute)) continue;
    data[sanitizeKey(entry.replace(/\.[^.]*$/, ''))] = readDataFile(
      absolute,
      path.relative(source, absolute),
      warn,
    );
  }
  for (const entry of folders) {
    const absolute = path.join(dir, entry);
    if (isExcluded(absolute)) continue;
    data[sanitizeKey(entry)] = readData(absolute, source, isExcluded, warn, stop, [
      ...ancestors,
      folder.real,
    ]);
  }
  return data;
}

function readDataFile(absolute: string, relative: string, warn?: (problem: ProblemInit) => void): unknown {
  const text = readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
  const ext = path.extname(absolute).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') return parseDelimited(text, ext === '.tsv' ? '\t' : ',', relative);
  try {
    return parseYaml(text, { file: relative, warn });
  } catch (error) {
    // Jekyll reads JSON with its YAML reader (which takes a trailing comma); when that fails,
    // JSON's own complaint says more than YAML's about indentation.
    if (ext !== '.json' || !(error instanceof SiteError)) throw error;
    throw jsonProblem(text, relative) ?? error;
  }
}

function jsonProblem(text: string, file: string): SiteError | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = (error as Error).message.replace(/ in JSON at position \d+.*$/, '');
    const at = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? text.length);
    const before = text.slice(0, at);
    return new SiteError({
      message: `invalid JSON: ${message}`,
      file,
      line: before.split('\n').length,
      column: at - before.lastIndexOf('\n'),
      source: text,
      hint: 'Check the commas, quotes and brackets here: every { [ and " needs its closing } ] and ".',
    });
  }
}

/** Ruby's `CSV.read(headers: true)`: one hash per row, keyed by the header row. */
function parseDelimited(text: string, separator: string, file: string): Record<string, string | null>[] {
  const rows = parseRows(text, separator, file);
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((row) => {
    const record: Record<string, string | null> = {};
    header.forEach((name, i) => {
      if (!(name in record)) record[name] = row[i] ?? null;
    });
    return record;
  });
}

function parseRows(text: string, separator: string, file: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  let quoteColumn = 1;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      quoteColumn = i - text.lastIndexOf('\n', i - 1);
    } else if (ch === separator) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
      line++;
    } else field += ch;
    i++;
  }
  if (quoted) {
    throw new SiteError({
      message: 'unclosed quoted field',
      file,
      line: quoteLine,
      column: quoteColumn,
      source: text,
      hint: 'Close the quote (") that starts this field.',
    });
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  // Ruby's CSV gives nil for empty unquoted fields; blank lines are skipped.
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}
