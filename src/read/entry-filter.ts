/** Jekyll's `EntryFilter`: which files and folders of the source take part in the build. */
import path from 'node:path';

const compiled = new Map<string, RegExp>();

/** Ruby's `File.fnmatch?` without flags: `*` and `?` also match `/`, `[...]` classes. */
function fnmatch(pattern: string, subject: string): boolean {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = fnmatchRegex(pattern);
    compiled.set(pattern, regex);
  }
  return regex.test(subject);
}

function fnmatchRegex(pattern: string): RegExp {
  let regex = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') regex += '.*';
    else if (ch === '?') regex += '.';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) regex += '\\[';
      else {
        regex += `[${pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (ch === '\\' && i + 1 < pattern.length) regex += `\\${pattern[++i]}`;
    else regex += ch.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${regex}$`, 's');
}

/**
 * Answers already worked out, per set of rules: the answer for a path never changes while the
 * rules stay the same, and `serve` asks again for every file on every save.
 */
const ANSWERS = new Map<string, Map<string, boolean>>();

export class EntryFilter {
  private readonly include: string[];
  private readonly exclude: string[];
  private readonly answers: Map<string, boolean>;

  constructor(
    private readonly source: string,
    include: string[],
    exclude: string[],
  ) {
    this.include = include;
    this.exclude = exclude.filter((pattern) => !include.includes(pattern));
    const rules = JSON.stringify([source, this.include, this.exclude]);
    let answers = ANSWERS.get(rules);
    if (!answers) {
      if (ANSWERS.size > 16) ANSWERS.clear(); // configs edited many times over
      answers = new Map();
      ANSWERS.set(rules, answers);
    }
    this.answers = answers;
  }

  /**
   * Keep an entry of folder `dir` (site-relative, `''` for the root)? `isDirectory` matters for
   * patterns written with a trailing slash.
   */
  keeps(dir: string, entry: string, isDirectory: boolean): boolean {
    const key = `${dir}\0${entry}\0${isDirectory}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = this.decide(dir, entry, isDirectory);
      this.answers.set(key, answer);
    }
    return answer;
  }

  private decide(dir: string, entry: string, isDirectory: boolean): boolean {
    if (entry.endsWith('.')) return false;
    const included =
      this.matches(this.include, entry, isDirectory) ||
      this.matches(this.include, path.posix.basename(entry), isDirectory);
    if (!included && this.matches(this.exclude, path.posix.join(dir, entry), isDirectory)) return false;
    if (included) return true;
    return !/^[._#~]/.test(entry) && !/^[._#~]/.test(path.posix.basename(entry)) && !entry.endsWith('~');
  }

  /** `excluded?` alone, for paths given whole (data files, included files). */
  excluded(relative: string, isDirectory: boolean): boolean {
    return (
      this.matches(this.exclude, relative, isDirectory) && !this.matches(this.include, relative, isDirectory)
    );
  }

  /** `included?`: the entry, or its name, matches `include`. */
  included(relative: string): boolean {
    return (
      this.matches(this.include, relative, false) ||
      this.matches(this.include, path.posix.basename(relative), false)
    );
  }

  /** Each pattern joined to the source once (this runs for every file of the site). */
  private readonly joined = new Map<string, string>();

  private matches(patterns: string[], entry: string, isDirectory: boolean): boolean {
    if (patterns.length === 0) return false;
    const withSource = path.posix.join(this.source, entry);
    return patterns.some((pattern) => {
      let patternWithSource = this.joined.get(pattern);
      if (patternWithSource === undefined) {
        patternWithSource = path.posix.join(this.source, pattern);
        this.joined.set(pattern, patternWithSource);
      }
      return (
        fnmatch(patternWithSource, withSource) ||
        withSource.startsWith(patternWithSource) ||
        (isDirectory && patternWithSource === `${withSource}/`)
      );
    });
  }
}
