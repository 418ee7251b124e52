/**
 * kramdown's warnings, as a log that can repeat a stretch of itself in O(1). kramdown parses the
 * text ahead of an opener that never closes once for the attempt and once more as text, and warns
 * both times; a page of such openers repeats the warnings ahead of each, quadratically many. A
 * look-ahead known to repeat an earlier one (look-ahead.ts) adds one entry that stands for that
 * stretch, instead of the warnings again.
 */

/**
 * A warning (or what makes it, when the warnings are read), or the repetition of the entries from
 * `from` to before `to`.
 */
type Entry = string | (() => string) | { from: number; to: number };

export class WarningLog {
  private readonly entries: Entry[] = [];

  /** Where the next entry goes: a stretch starts or ends here. */
  get mark(): number {
    return this.entries.length;
  }

  add(text: string | (() => string)): void {
    this.entries.push(text);
  }

  /** Repeats the entries from `from` to before `to`, as they were given. */
  repeat(from: number, to: number): void {
    if (from < to) this.entries.push({ from, to });
  }

  /** Forgets the entries from `mark` on (a parse that is made again gives them again). */
  truncate(mark: number): void {
    this.entries.length = mark;
  }

  /** Every warning in kramdown's order, repetitions written out (as long as kramdown's list). */
  list(): string[] {
    const out: string[] = [];
    // Right ends of the stretches being written out, innermost last; `at` walks the entries.
    const ends: number[] = [];
    const resumes: number[] = [];
    let at = 0;
    let end = this.entries.length;
    for (;;) {
      if (at >= end) {
        const resume = resumes.pop();
        if (resume === undefined) return out;
        at = resume;
        end = ends.pop() as number;
        continue;
      }
      const entry = this.entries[at] as Entry;
      if (typeof entry !== 'object') {
        out.push(typeof entry === 'string' ? entry : entry());
        at++;
      } else {
        resumes.push(at + 1);
        ends.push(end);
        at = entry.from;
        end = entry.to;
      }
    }
  }

  /**
   * Each distinct warning once, in the order first given, with how many times kramdown gives it:
   * what a reader wants, in time linear in the log, however many repetitions it stands for.
   */
  counts(): Map<string, number> {
    return this.tally(Number.POSITIVE_INFINITY).counts;
  }

  /**
   * `counts`, with warnings made only when read (look-ahead.ts's long ones) made while their text
   * stays within `budget` characters: the others are only counted, as `more`.
   */
  tally(budget: number): { counts: Map<string, number>; more: number } {
    // An entry's multiplicity is 1 plus those of the repetitions covering it, which all come
    // later in the log: sweep from the end, adding each repetition's weight over its stretch.
    const { entries } = this;
    const weight = new Array<number>(entries.length).fill(0);
    const delta = new Array<number>(entries.length + 1).fill(0);
    let running = 0;
    for (let i = entries.length - 1; i >= 0; i--) {
      running += delta[i + 1] as number;
      weight[i] = 1 + running;
      const entry = entries[i] as Entry;
      if (typeof entry === 'object') {
        // Covers from..to-1, all below i: start adding at to-1, stop below from.
        delta[entry.to] = (delta[entry.to] as number) + (weight[i] as number);
        delta[entry.from] = (delta[entry.from] as number) - (weight[i] as number);
      }
    }
    const counts = new Map<string, number>();
    let made = 0;
    let more = 0;
    entries.forEach((entry, i) => {
      if (typeof entry === 'object') return;
      if (typeof entry === 'function' && made > budget) {
        more += weight[i] as number;
        return;
      }
      const text = typeof entry === 'string' ? entry : entry();
      if (typeof entry === 'function') made += text.length;
      counts.set(text, (counts.get(text) ?? 0) + (weight[i] as number));
    });
    return { counts, more };
  }
}
