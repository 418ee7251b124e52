/**
 * One error type for everything a user can get wrong. Each problem names the file, the line and
 * the column when known, shows a code frame, and says what to do. Never a stack trace.
 */
export interface Location {
  /** Path as the user knows it: relative to the site source when inside it. */
  file: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
}

export interface ProblemInit extends Location {
  message: string;
  hint?: string;
  /** The text of the file, to draw a code frame from. */
  source?: string;
  /** A code frame drawn already (a warning kept from an earlier build). */
  frame?: string;
  /**
   * Something Jekyll builds without a word, so not a warning: `verbose` is shown with
   * `--verbose` only; `check` also by `scholarsite check`, being a mistake in the site.
   */
  note?: 'verbose' | 'check';
}

export class SiteError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;
  readonly frame?: string;
  readonly note?: 'verbose' | 'check';

  constructor(init: ProblemInit) {
    super(init.message);
    this.name = 'SiteError';
    this.file = init.file;
    this.line = init.line;
    this.column = init.column;
    this.hint = init.hint;
    this.note = init.note;
    this.frame =
      init.frame ??
      (init.source !== undefined && init.line ? codeFrame(init.source, init.line, init.column) : undefined);
  }

  /** `file:line:column`, as editors and terminals link it. */
  get where(): string {
    return whereOf(this);
  }

  /** The full text a user sees. */
  format(severity: 'Error' | 'Warning' | 'Note' = 'Error'): string {
    const lines = [`${severity}: ${this.where}: ${this.message}`];
    if (this.frame) lines.push(this.frame);
    if (this.hint) lines.push(`  Hint: ${this.hint}`);
    return lines.join('\n');
  }
}

/** Two lines of context either side, a gutter with line numbers and a caret under the column. */
function codeFrame(source: string, line: number, column?: number): string {
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, line - 2);
  const last = Math.min(lines.length, line + 2);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? '>' : ' ';
    out.push(`  ${marker} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
    if (n === line && column && column > 0) {
      out.push(`    ${' '.repeat(width)} | ${' '.repeat(column - 1)}^`);
    }
  }
  return out.join('\n');
}

/** Collects warnings and errors of one build so they can all be shown, then counted. */
export class Diagnostics {
  readonly warnings: SiteError[] = [];
  readonly errors: SiteError[] = [];
  constructor(
    private readonly print: (text: string) => void = (text) => console.error(text),
    /** Where notes go: `--verbose`'s output, else nowhere. */
    private readonly log?: (text: string) => void,
  ) {}

  /** What Jekyll says nothing of (see ProblemInit#note), each once a build. */
  readonly notes: SiteError[] = [];

  /**
   * A warning is printed once a build: the same one met again (an include every page uses, a
   * page reused from the last build saying what it said then) is not repeated. A note is kept
   * and shown with `--verbose` only.
   */
  warn(problem: SiteError | ProblemInit): void {
    this.recording?.push(problem instanceof SiteError ? problemOf(problem) : problem);
    // Told before a SiteError is made: an include's warning comes again for every page using it.
    const note = problem instanceof SiteError ? undefined : problem.note;
    const key = `${note ?? ''}\0${whereOf(problem)}\0${problem.message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    const error = problem instanceof SiteError ? problem : new SiteError(problem);
    if (note) {
      this.notes.push(error);
      this.log?.(error.format('Note'));
      return;
    }
    this.warnings.push(error);
    this.print(error.format('Warning'));
  }

  /** Notes `scholarsite check` reports: mistakes in the site that Jekyll builds silently. */
  get findings(): SiteError[] {
    return this.notes.filter((note) => note.note === 'check');
  }

  private readonly warned = new Set<string>();
  private recording: ProblemInit[] | undefined;

  /** Every warning raised from now until `stopRecording`, printed or not (what a page's render says). */
  startRecording(): void {
    this.recording = [];
  }

  stopRecording(): ProblemInit[] {
    const recorded = this.recording ?? [];
    this.recording = undefined;
    return recorded;
  }

  /** The same error met again (a broken include used by every page) is counted, not reprinted. */
  error(problem: SiteError | ProblemInit): void {
    const error = problem instanceof SiteError ? problem : new SiteError(problem);
    const key = `${error.where}\0${error.message}`;
    const repeats = this.repeats.get(key) ?? 0;
    this.repeats.set(key, repeats + 1);
    if (repeats > 0) return;
    this.errors.push(error);
    this.print(error.format('Error'));
  }

  private readonly repeats = new Map<string, number>();
}

function whereOf({ file, line, column }: Location): string {
  return [file, line, line ? column : undefined].filter((part) => part !== undefined).join(':');
}

/** A problem as plain data, to keep between builds. */
export function problemOf(error: SiteError): ProblemInit {
  const { message, file, line, column, hint, frame, note } = error;
  return { message, file, line, column, hint, frame, note };
}
