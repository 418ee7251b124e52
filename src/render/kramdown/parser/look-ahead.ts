/**
 * Look-aheads that cannot close, known without parsing again. kramdown parses the text ahead of an
 * opener (`*`, `_`, `**`, `__`, `[`, `![`) to find its closing; when the text ends first, it is
 * parsed again as plain text. A page of openers that never close repeats that parse to the end of
 * the paragraph once per opener: quadratic work (cubic when a `**` also tries `*`).
 *
 * The parse ahead is deterministic: from a place in the text, with the same spans open around it
 * (kramdown's rules look at which of em, strong, links are open) and the same options, it goes
 * the same way to the end. So each look-ahead that reaches the end without closing records, for
 * each place its loop passed: how far its need of closings ever fell from there, and which of the
 * warnings it gave came from there on. A later look-ahead of the same kind that reaches one of
 * those places needing at least as many closings cannot close either: it stops at once and repeats
 * the recorded warnings (one entry in the warning log, whatever their number). Footnote references
 * are not repeated: the recorded parse made them, and only whether a footnote is referenced counts.
 * `npm run kramdown-diff -- --kind openers` compares such pages with kramdown's output.
 */
import type { Element } from '../element.ts';
import type { Scanner } from '../scanner.ts';
import type { WarningLog } from './warning-log.ts';

/** What an opener tells the span loop about its parse ahead. */
export interface LookAhead {
  /** The opener and its closing: look-aheads with equal names look for the same closing. */
  name: string;
  /**
   * How many closings it still needs at the pointer. An emphasis needs 1; a link's text needs
   * one per `[` not yet balanced. Both change by one at a time, and the parse closes at 0.
   */
  need(): number;
}

/** A place a look-ahead passed and then reached the end from without closing. */
interface Doomed {
  /** The least need, less the need here, at any later place or at the end. */
  fall: number;
  /** Its warnings from here on: the warning log's entries from..to-1. */
  from: number;
  to: number;
}

/** One look-ahead's loop, place by place, until it ends. */
export interface Trail {
  /**
   * At a place the loop is about to examine: whether an earlier look-ahead proved from here that
   * this one cannot close (its warnings are then repeated and the caller stops).
   */
  reached(pos: number): boolean;
  /** The parse ended: without its closing at the end of the text, what it passed is recorded. */
  end(closed: boolean): void;
}

/**
 * By scanner (one text), then by look-ahead and surroundings, then by what the look-ahead's last
 * child is (none, text, an element: see `reached`), then by place.
 */
type Memo = WeakMap<Scanner, Map<string, Array<Map<number, Doomed>>>>;

/** What a look-ahead's last child is, as an index: none, text, an element. */
function lastKindOf(el: Element): number {
  const last = el.children[el.children.length - 1];
  return last === undefined ? 0 : last.type === 'text' ? 1 : 2;
}

export class LookAheads {
  private readonly memo: Memo = new WeakMap();

  constructor(private readonly warnings: WarningLog) {}

  /**
   * Starts following a look-ahead that parses `src` into `el`. `surroundings` names what else
   * decides how the text parses: the spans open around it, the text type, the options' version.
   */
  follow(
    lookAhead: LookAhead,
    src: Scanner,
    el: Element,
    surroundings: string,
    optionsVersion: () => number,
  ): Trail {
    let byName = this.memo.get(src);
    if (!byName) {
      byName = new Map();
      this.memo.set(src, byName);
    }
    const key = `${lookAhead.name}|${surroundings}`;
    // Looked up again until found: a look-ahead nested in this one may record the first places.
    let byKind = byName.get(key);
    // Per place passed: where, the need there, the warning log's mark there, the last child's kind.
    const passed: number[] = [];
    // Set when the loop stopped at a place recorded before: the need there and what followed it.
    let stoppedAt: { need: number; doomed: Doomed } | undefined;
    const warnings = this.warnings;
    // Options set in the text (`{::options /}`, by this parse or one nested in it) change how the
    // rest parses: places past the change are neither looked up nor recorded under this key.
    const version = optionsVersion();

    return {
      reached(pos) {
        // kramdown's span IAL reads the last child (text or not), an emphasis' closing needs one.
        const need = lookAhead.need();
        if (optionsVersion() !== version) {
          passed.push(pos, need, warnings.mark, -1);
          return false;
        }
        const kind = lastKindOf(el);
        byKind ??= byName.get(key);
        const doomed = byKind?.[kind]?.get(pos);
        if (doomed && need + doomed.fall >= 1) {
          warnings.repeat(doomed.from, doomed.to);
          stoppedAt = { need, doomed };
          return true;
        }
        passed.push(pos, need, warnings.mark, kind);
        return false;
      },
      end(closed) {
        if (closed || passed.length === 0) return;
        const to = warnings.mark;
        let kinds = byName.get(key);
        if (!kinds) {
          kinds = [new Map(), new Map(), new Map()];
          byName.set(key, kinds);
        }
        // The least need after each place, swept from the end.
        let least = stoppedAt ? stoppedAt.need + Math.min(0, stoppedAt.doomed.fall) : lookAhead.need();
        for (let i = passed.length - 4; i >= 0; i -= 4) {
          const need = passed[i + 1] as number;
          const byPlace = kinds[passed[i + 3] as number];
          byPlace?.set(passed[i] as number, { fall: least - need, from: passed[i + 2] as number, to });
          least = Math.min(least, need);
        }
      },
    };
  }
}
