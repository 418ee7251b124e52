/**
 * `cycle` as Ruby Liquid counts it: one counter per group name's *value* (`{% cycle g: … %}`
 * with `g` unset shares nil's counter with every other such cycle), and an unnamed cycle counts
 * per list of values when they are all literals, else per tag. An index past a shorter list
 * prints nothing. lax.ts hands it `NAME: a, b` or `a, b`, each an expression.
 */
import {
  type Context,
  evalToken,
  type Liquid,
  Tag,
  type TagToken,
  type TopLevelToken,
  type ValueToken,
} from 'liquidjs';

import { rubyString } from '../ruby-output.ts';

const COUNTERS = 'ruby_cycle';

export class CycleTag extends Tag {
  private readonly group?: ValueToken;
  private readonly values: ValueToken[] = [];
  /** The counter of an unnamed cycle. */
  private readonly key: unknown;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const begin = this.tokenizer.p;
    const first = this.tokenizer.readValue();
    this.tokenizer.skipBlank();
    if (first && this.tokenizer.peek() === ':') {
      this.group = first;
      this.tokenizer.advance();
    } else this.tokenizer.p = begin;
    for (;;) {
      this.tokenizer.skipBlank();
      const value = this.tokenizer.readValue();
      if (!value) break;
      this.values.push(value);
      this.tokenizer.skipBlank();
      if (this.tokenizer.peek() !== ',') break;
      this.tokenizer.advance();
    }
    const literal = this.values.every((value) => !('props' in value));
    this.key = literal ? `values:${this.values.map((value) => value.getText()).join(',')}` : Symbol('cycle');
  }

  *render(ctx: Context): Generator<unknown, unknown, unknown> {
    const counters = ctx.getRegister<Map<unknown, number>>(COUNTERS, new Map());
    const key = this.group ? ((yield evalToken(this.group, ctx)) ?? null) : this.key;
    const index = counters.get(key) ?? 0;
    const value = this.values[index] ? yield evalToken(this.values[index], ctx) : undefined;
    counters.set(key, index + 1 >= this.values.length ? 0 : index + 1);
    return rubyString(value);
  }
}
