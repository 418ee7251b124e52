/** How Ruby Liquid's loops see a value (Utils.slice_collection) and read a number (`to_i`). */
import { type Context, evalToken, type RangeToken, TokenKind, toValue, type ValueToken } from 'liquidjs';

/** A list as itself, a hash as its pairs, else nothing (a string is rubySlice's). */
function rubyItems(plain: unknown): unknown[] {
  if (Array.isArray(plain)) return plain;
  if (plain && typeof plain === 'object') {
    if (Symbol.iterator in plain) return Array.from(plain as Iterable<unknown>);
    return Object.keys(plain).map((key) => [key, (plain as Record<string, unknown>)[key]]);
  }
  return [];
}

/**
 * Utils.slice_collection: the items from index `from` up to `to`; a string is one item whatever
 * the bounds (Ruby 1.8's String#each, which Liquid keeps).
 */
export function rubySlice(value: unknown, from: number, to?: number): unknown[] {
  const plain = toValue(value) as unknown;
  if (typeof plain === 'string') return plain === '' ? [] : [plain];
  return rubyItems(plain).filter((_, index) => index >= from && (to === undefined || index < to));
}

/** Ruby's `to_i`: the leading integer of a text, 0 for nil or none. */
export function rubyInteger(value: unknown): number {
  const n = Number.parseInt(String(value ?? 0), 10);
  return Number.isNaN(n) ? 0 : n;
}

/**
 * A Ruby Range of integers: a list to the filters and loops, printed as Ruby prints it (`1..3`).
 */
export class RubyRange extends Array<number> {
  static override get [Symbol.species]() {
    return Array;
  }

  constructor(
    readonly low: number,
    readonly high: number,
  ) {
    super();
    for (let n = low; n <= high; n++) this.push(n);
  }

  toLiquidString(): string {
    return `${this.low}..${this.high}`;
  }
}

/**
 * What a loop walks: a range's ends read as Ruby's RangeLookup reads them (nil and text through
 * `to_i`, so `(page.unset..2)` is 0..2, where liquidjs's range is empty), anything else as is.
 */
export function* loopValue(token: ValueToken, ctx: Context): Generator<unknown, unknown, unknown> {
  if (token.kind !== TokenKind.Range) return yield evalToken(token, ctx);
  const range = token as RangeToken;
  return rubyRange(ctx, yield evalToken(range.lhs, ctx), yield evalToken(range.rhs, ctx));
}

/** A Ruby Range from its ends as Ruby's RangeLookup reads them (`to_i`), counted against the memory limit. */
export function rubyRange(ctx: Context, low: unknown, high: unknown): RubyRange {
  const [from, to] = [rubyInteger(low), rubyInteger(high)];
  ctx.memoryLimit.use(to - from + 1);
  return new RubyRange(from, to);
}

/** What `forloop` and `tablerowloop` both count at the item numbered `index` (from 0) of `length`. */
export function loopCounters(index: number, length: number): Record<string, unknown> {
  return {
    index: index + 1,
    index0: index,
    rindex: length - index,
    rindex0: length - index - 1,
    first: index === 0,
    last: index === length - 1,
  };
}
