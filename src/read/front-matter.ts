/** Front matter: the YAML between `---` lines at the top of a file (Jekyll's regexp). */
import { type ProblemInit, SiteError } from '../errors.ts';
import { parseYaml } from '../yaml/parse.ts';

// `\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)` with Ruby's multiline dot. The `\s*` after the
// closing `---` swallows blank lines too, so a body never starts with them.
const FRONT_MATTER = /(---\s*\n[\s\S]*?\n?)^((?:---|\.\.\.)\s*$\n?)/my;

export interface Split {
  /** The YAML text, including the opening `---` line. */
  yaml: string;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
}

/** `Utils.has_yaml_header?`: the first line is `---`. */
export function hasFrontMatter(text: string): boolean {
  return /^---\s*\r?\n/.test(text);
}

export function splitFrontMatter(text: string): Split | undefined {
  FRONT_MATTER.lastIndex = 0;
  const match = FRONT_MATTER.exec(text);
  if (!match) return undefined;
  const header = match[0];
  return { yaml: match[1], body: text.slice(header.length), bodyLine: countLines(header) + 1 };
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
}

/**
 * Read front matter. A YAML mistake is thrown as a located SiteError; callers decide whether
 * it is a warning (Jekyll's default) or an error (`strict_front_matter`).
 */
export function readFrontMatter(
  text: string,
  file: string,
  warn?: (problem: ProblemInit) => void,
): FrontMatter {
  const split = splitFrontMatter(text);
  if (!split) return { data: {}, body: text, bodyLine: 1 };
  const yaml = split.yaml.replace(/^---[^\n]*\n/, '');
  const data = parseYaml(yaml, { file, lineOffset: 1, fileSource: text, warn });
  if (data != null && (typeof data !== 'object' || Array.isArray(data) || data instanceof Date)) {
    throw new SiteError({
      message: 'the front matter is not a list of `key: value` settings',
      file,
      line: 2,
      source: text,
      hint: 'Write front matter as `key: value` lines between the two `---` lines.',
    });
  }
  return { data: (data as Record<string, unknown>) ?? {}, body: split.body, bodyLine: split.bodyLine };
}
