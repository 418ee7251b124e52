/**
 * Ruby's StringScanner as kramdown uses it (Kramdown::Utils::StringScanner), on JavaScript regexps.
 *
 * Ruby's scanner (fixed_anchor: false) treats the text from the scan pointer on as the whole
 * string: `^` and `\A` match at the pointer even in mid-line, and a look-behind sees nothing
 * before it. Matching against the rest of the text (`text.slice(pos)`, an O(1) sliced string in
 * V8) gives exactly that. Write rule regexps in JavaScript with the `m` flag wherever Ruby's `^`
 * or `$` (always line anchors in Ruby) are meant, `s` for Ruby's `/m`, and `(?<![\s\S])` for
 * Ruby's `\A` (plain `^` is fine when the regexp has no `m` flag).
 */
/**
 * The scanner's work, for tests that check hostile documents cost time linear in their size (no
 * timed tests on shared machines). Off unless a test turns it on: one branch per regexp run.
 */
export const scannerWork = { counting: false, steps: 0 };

/** Counts one regexp run and the characters it examined (to the match's end, or the whole rest when none). */
function countWork(m: RegExpExecArray | null, rest: string): void {
  scannerWork.steps += 1 + (m ? m.index + m[0].length : rest.length);
}

export class Scanner {
  pos = 0;
  /** The match of the last successful `scan`, `check`, `scanUntil` or `match`. */
  last: RegExpExecArray | null = null;
  private previousPos = 0;
  private restPos = 0;
  private restText: string;
  private previousLine: number;
  private lastIndexes?: Map<string, number>;
  /** What rules work out once per text, by the function that works it out (see `memo`). */
  private memos?: Map<(src: Scanner) => unknown, unknown>;

  constructor(
    readonly string: string,
    readonly startLine = 1,
  ) {
    this.previousLine = startLine;
    this.restText = string;
  }

  eos(): boolean {
    return this.pos >= this.string.length;
  }

  rest(): string {
    // One slice per position: the block loop tries every rule's start at the same place.
    if (this.restPos !== this.pos) {
      this.restText = this.pos === 0 ? this.string : this.string.slice(this.pos);
      this.restPos = this.pos;
    }
    return this.restText;
  }

  terminate(): void {
    this.pos = this.string.length;
  }

  /** The match of `re` at the pointer, without moving it (Ruby's `check`). Any flags: a sticky copy is used. */
  check(re: RegExp): string | null {
    const m = this.anchored(re);
    this.last = m;
    return m ? m[0] : null;
  }

  /** Like `check`, and moves past the match (Ruby's `scan`). */
  scan(re: RegExp): string | null {
    const m = this.anchored(re);
    this.last = m;
    if (!m) return null;
    this.setPos(this.pos + m[0].length);
    return m[0];
  }

  /** Moves past the match and returns its length (Ruby's `skip`). */
  skip(re: RegExp): number | null {
    const matched = this.scan(re);
    return matched === null ? null : matched.length;
  }

  /** Searches from the pointer and returns the text up to and including the match (Ruby's `scan_until`). */
  scanUntil(re: RegExp): string | null {
    const rest = this.rest();
    const m = searchOf(re).exec(rest);
    if (scannerWork.counting) countWork(m, rest);
    this.last = m;
    if (!m) return null;
    const end = m.index + m[0].length;
    const result = rest.slice(0, end);
    this.setPos(this.pos + end);
    return result;
  }

  /** Like `scanUntil`, without moving the pointer: the length up to the match's end, or null (Ruby's `check_until`/`exist?`). */
  existUntil(re: RegExp): number | null {
    const rest = this.rest();
    const m = searchOf(re).exec(rest);
    if (scannerWork.counting) countWork(m, rest);
    this.last = m;
    return m ? m.index + m[0].length : null;
  }

  /**
   * Whether `char` occurs at or after the pointer. Remembers where it last occurs in the text, so
   * rules that give up when their closing character never comes ask in O(1), not by a rescan.
   */
  hasAhead(char: string): boolean {
    this.lastIndexes ??= new Map();
    let last = this.lastIndexes.get(char);
    if (last === undefined) {
      last = this.string.lastIndexOf(char);
      this.lastIndexes.set(char, last);
    }
    return last >= this.pos;
  }

  /**
   * `make(this)`, made once per text: what a rule knows of the whole text (where closings stand,
   * what scans found) is kept with it, under the function that makes it.
   */
  memo<T>(make: (src: Scanner) => T): T {
    this.memos ??= new Map();
    let value = this.memos.get(make) as T | undefined;
    if (value === undefined) {
      value = make(this);
      this.memos.set(make, value);
    }
    return value;
  }

  /** One character (Ruby's `getch`; a surrogate pair is one character). */
  getch(): string {
    const code = this.string.codePointAt(this.pos);
    if (code === undefined) return '';
    const ch = String.fromCodePoint(code);
    this.setPos(this.pos + ch.length);
    return ch;
  }

  /** Capture `i` of the last match (Ruby's `@src[i]`), or a named group. */
  group(i: number | string): string | undefined {
    if (!this.last) return undefined;
    return typeof i === 'number' ? this.last[i] : this.last.groups?.[i];
  }

  /** The whole last match (Ruby's `matched`). */
  get matched(): string {
    return this.last?.[0] ?? '';
  }

  /** The text before the pointer on its line and everything before it (Ruby's `pre_match` of the last scan). */
  preMatch(): string {
    return this.string.slice(0, this.pos - this.matched.length);
  }

  setPos(pos: number): void {
    if (pos < this.previousPos) {
      this.previousLine = this.startLine;
      this.previousPos = 0;
    }
    this.pos = pos;
  }

  savePos(): [number, number, number] {
    return [this.pos, this.previousPos, this.previousLine];
  }

  revertPos([pos, previousPos, previousLine]: [number, number, number]): void {
    this.pos = pos;
    this.previousPos = previousPos;
    this.previousLine = previousLine;
  }

  /** The line the pointer is on, counted incrementally from the last call (as kramdown does). */
  currentLineNumber(): number {
    const until = this.pos + 1;
    let at = this.previousPos;
    let line = this.previousLine;
    for (;;) {
      const nl = this.string.indexOf('\n', at);
      if (nl === -1 || nl + 1 > until) break;
      line++;
      at = nl + 1;
    }
    this.previousLine = line;
    this.previousPos = this.eos() ? this.pos : this.pos + 1;
    return line;
  }

  private anchored(re: RegExp): RegExpExecArray | null {
    const sticky = stickyOf(re);
    sticky.lastIndex = 0;
    const m = sticky.exec(this.rest());
    if (scannerWork.counting) scannerWork.steps += 1 + (m ? m[0].length : 0);
    return m;
  }
}

const stickies = new WeakMap<RegExp, RegExp>();
const searches = new WeakMap<RegExp, RegExp>();

/** `re` tried only at the start (a sticky copy, made once), so a failed check costs one attempt. */
function stickyOf(re: RegExp): RegExp {
  let sticky = stickies.get(re);
  if (!sticky) {
    sticky = new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}y`);
    stickies.set(re, sticky);
  }
  return sticky;
}

/** `re` as a plain search from the start (neither global nor sticky), made once. */
function searchOf(re: RegExp): RegExp {
  let search = searches.get(re);
  if (!search) {
    search = re.global || re.sticky ? new RegExp(re.source, re.flags.replace(/[gy]/g, '')) : re;
    searches.set(re, search);
  }
  return search;
}
