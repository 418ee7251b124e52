/**
 * The corpus's sources: bare git snapshots under a mirror folder (the search tool's `fetch`
 * writes `/work/.mirror/OWNER+NAME/repo`, sometimes a clone with `repo/.git`). A listed commit
 * is exported from there; nothing fetched is ever copied into this repository.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const DEFAULT_MIRROR = '/work/.mirror';

/** The git directory of `owner/name` under `root`, or undefined when it was never fetched. */
export function mirrorGitDir(repo: string, root = DEFAULT_MIRROR): string | undefined {
  const base = path.join(root, repo.replace('/', '+'), 'repo');
  if (existsSync(path.join(base, '.git', 'HEAD'))) return path.join(base, '.git');
  if (existsSync(path.join(base, 'HEAD'))) return base;
  return undefined;
}

/** How to bring a missing site here, said to the user. */
export function howToFetch(repo: string, root = DEFAULT_MIRROR): string {
  return `fetch it with the search tool (fetch github:${repo}), or: git clone --bare https://github.com/${repo} ${path.join(root, repo.replace('/', '+'), 'repo')}`;
}

function git(gitDir: string, args: string[], encoding: 'buffer' | 'utf8' = 'utf8') {
  return spawnSync('git', ['--git-dir', gitDir, ...args], {
    encoding: encoding === 'utf8' ? 'utf8' : undefined,
    maxBuffer: 1 << 30,
  });
}

export function hasCommit(gitDir: string, commit: string): boolean {
  return git(gitDir, ['cat-file', '-e', `${commit}^{commit}`]).status === 0;
}

/**
 * Writes the tree of `commit` into `into`. Snapshots lack their largest files (4 MiB and more),
 * which stops `git archive`; then the files that are there are written one by one and the
 * missing ones are returned, so the run can say what both builds went without.
 */
export function exportCommit(gitDir: string, commit: string, into: string): string[] {
  mkdirSync(into, { recursive: true });
  const archive = spawnSync(
    'sh',
    ['-c', 'git --git-dir="$1" archive --format=tar "$2" | tar -x -C "$3"', 'sh', gitDir, commit, into],
    { encoding: 'utf8' },
  );
  if (archive.status === 0 && !archive.stderr.trim()) return [];
  const missing: string[] = [];
  const listing = git(gitDir, ['ls-tree', '-r', '-z', commit]).stdout as string;
  for (const entry of listing.split('\0')) {
    const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (match?.[2] !== 'blob' || match[1] === '120000') continue;
    const [, , , blob, file] = match;
    const content = git(gitDir, ['cat-file', 'blob', blob!], 'buffer');
    if (content.status !== 0) {
      missing.push(file!);
      continue;
    }
    mkdirSync(path.dirname(path.join(into, file!)), { recursive: true });
    writeFileSync(path.join(into, file!), content.stdout as unknown as Buffer);
  }
  return missing;
}
