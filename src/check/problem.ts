/** What `scholarsite check` reports: one problem, found in one built file, named by its source. */

export type Severity = 'error' | 'warning';

/** A problem as a check finds it in a built page, before it is traced back to a source file. */
export interface Finding {
  severity: Severity;
  /** A short stable name: `broken-link`, `missing-alt`, … */
  rule: string;
  message: string;
  /** What to do about it. */
  hint: string;
  /** 1-based line in the built file. */
  outputLine?: number;
  /** Text as the author may have written it (an href, an image path), looked for in the source. */
  needles?: string[];
}

export interface Problem {
  severity: Severity;
  rule: string;
  message: string;
  /** The source file that produced the built file, relative to the site folder. */
  file: string;
  /** The built file, relative to the site's root (`about/index.html`). */
  output: string;
  /** Line in `file`, when the problem's text was found there. */
  line?: number;
  /** Line in the built file (`output`). */
  outputLine?: number;
  /** The layout or include where the text was found, when it is not in `file`. */
  template?: { file: string; line: number };
  hint: string;
}

/** Where each line of a text starts, to turn an offset into a 1-based line number. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The 1-based line and column of an offset. */
  at(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }
}

/** Levenshtein distance, for "did you mean" hints. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

/** The closest of some candidates, when it is close enough to be what was meant. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
