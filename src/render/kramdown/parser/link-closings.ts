/**
 * Where a link's text closes, known from the parse of a link around it. kramdown parses a link's
 * text to the `]` that balances its `[`; when the link then gives up (no definition, no `)`), the
 * `[` becomes text and the span loop goes on inside, where the next `[` parses its text again.
 * Nested, `[a [a [a ] ] ]` parses the innermost text once per `[` around it: quadratic work.
 *
 * Inside a link's text a `[` is text (links do not nest), so the parse of the text after it is
 * the very parse a link opened there would make, in the same surroundings (the spans open, the
 * text type, the options; see look-ahead.ts), as long as that `[` sits directly in the link's
 * text: a link started there closes at the first bracket where the outer link's need of closings
 * is back to what it was before that `[`, with the warnings the outer parse gave in between. The
 * outer link records that place and that stretch of the warning log; a link opened later at that
 * `[`, in the same surroundings, skips its parse and repeats the stretch instead.
 *
 * Images nest: an image's text parses the images in it, each of which, giving up, is parsed again
 * as the text around it goes on, and so on down: exponential work (in kramdown too). Each link or
 * image whose text closes is recorded as well, so the same text in the same surroundings is parsed
 * once, and an image around one that gives up takes that parse's result rather than reading its
 * text again (rules/link.ts): nested images cost linear work.
 */
import type { Scanner } from '../scanner.ts';
import type { WarningLog } from './warning-log.ts';

/** A link's text, parsed already: where it closes, and its warnings (the log's from..to-1). */
export interface Closing {
  at: number;
  from: number;
  to: number;
}

/** An outer link's watch over the `[`s directly in its text, told of each bracket it stops at. */
export interface BracketWatch {
  /**
   * At a bracket of the outer link's text (its position in the text), with the outer link's need
   * of closings after it: a `[` opens a text whose link would need one closing.
   */
  bracket(pos: number, opening: boolean, need: number): void;
}

/** By scanner (one text), then by surroundings, then by where a link's text starts. */
type Memo = WeakMap<Scanner, Map<string, Map<number, Closing>>>;

export class LinkClosings {
  private readonly memo: Memo = new WeakMap();

  constructor(private readonly warnings: WarningLog) {}

  /** The closing recorded for a link's text starting at `textStart` in `surroundings`. */
  find(src: Scanner, surroundings: string, textStart: number): Closing | undefined {
    return this.memo.get(src)?.get(surroundings)?.get(textStart);
  }

  /** A link's or image's text, parsed, closed: another at the same place and surroundings skips it. */
  record(src: Scanner, surroundings: string, textStart: number, closing: Closing): void {
    startsOf(this.memo, src, surroundings).set(textStart, closing);
  }

  /**
   * Watches the brackets of a link's text parsed in `surroundings`. `current()` says whether the
   * surroundings still hold (an `{::options /}` in the text changes them from there on).
   */
  watch(src: Scanner, surroundings: string, current: () => boolean): BracketWatch {
    const warnings = this.warnings;
    const memo = this.memo;
    let byStart: Map<number, Closing> | undefined;
    // Texts opened and not yet closed, by the outer need at which they close: where each starts
    // and the warning log's mark there, in pairs.
    const open = new Map<number, number[]>();
    return {
      bracket(pos, opening, need) {
        const closing = open.get(need);
        if (closing) {
          open.delete(need);
          byStart ??= startsOf(memo, src, surroundings);
          const to = warnings.mark;
          for (let i = 0; i < closing.length; i += 2) {
            byStart.set(closing[i] as number, { at: pos, from: closing[i + 1] as number, to });
          }
        }
        if (opening && current()) {
          const list = open.get(need - 1);
          if (list) list.push(pos + 1, warnings.mark);
          else open.set(need - 1, [pos + 1, warnings.mark]);
        }
      },
    };
  }
}

function startsOf(memo: Memo, src: Scanner, surroundings: string): Map<number, Closing> {
  let bySurroundings = memo.get(src);
  if (!bySurroundings) {
    bySurroundings = new Map();
    memo.set(src, bySurroundings);
  }
  let byStart = bySurroundings.get(surroundings);
  if (!byStart) {
    byStart = new Map();
    bySurroundings.set(surroundings, byStart);
  }
  return byStart;
}
