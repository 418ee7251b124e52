/**
 * The corpus list, `tools/compat/corpus.tsv`: one real site a line, `repo<TAB>commit<TAB>note`.
 * `#` starts a comment line; blank lines are skipped. The commit pins what was measured, so two
 * runs months apart compare the same sources.
 */

export interface CorpusSite {
  /** `owner/name` on GitHub. */
  repo: string;
  /** The full 40-hex commit that was measured. */
  commit: string;
  /** What the site is: language, academicpages base, size. */
  note: string;
}

/** Reads the list; a malformed line is an error naming the file and line. */
export function readCorpusList(text: string, file = 'corpus.tsv'): CorpusSite[] {
  const sites: CorpusSite[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, index) => {
    const at = `${file}:${index + 1}`;
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const [repo = '', commit = '', ...rest] = line.split('\t').map((cell) => cell.trim());
    if (!/^[\w.-]+\/[\w.-]+$/.test(repo))
      throw new Error(`${at}: "${repo}" is not a repository; write owner/name, a tab, then the commit.`);
    if (!/^[0-9a-f]{40}$/.test(commit))
      throw new Error(`${at}: "${commit}" is not a full commit hash; write all 40 hex digits.`);
    const earlier = seen.get(repo);
    if (earlier !== undefined) throw new Error(`${at}: ${repo} is already listed on line ${earlier}.`);
    seen.set(repo, index + 1);
    sites.push({ repo, commit, note: rest.join(' ') });
  });
  return sites;
}
