/**
 * `for` as Ruby Liquid 4.0.4 runs it: offset, then limit, then `reversed`; the `else` branch
 * whenever the slice is empty (an offset past the end too, where liquidjs prints nothing);
 * `offset: continue` from where the same loop stopped; `forloop.parentloop`. liquidjs's own tag
 * parses the markup lax.ts writes; only the rendering is Ruby's.
 */
import { type Context, type Emitter, evalToken, ForTag as LiquidjsForTag } from 'liquidjs';
import { loopCounters, loopValue, rubyInteger, rubySlice } from './collection.ts';

const OFFSETS = 'ruby_for_offsets';
const LOOPS = 'ruby_for_loops';

export class ForTag extends LiquidjsForTag {
  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const renderer = this.liquid.renderer;
    const name = `${this.variable}-${this.collection.getText()}`;
    const offsets = ctx.getRegister<Map<string, number>>(OFFSETS, new Map());
    const value = yield* loopValue(this.collection, ctx);
    const { offset, limit, reversed } = this.hash.hash;
    const from =
      offset?.getText() === 'continue' ? (offsets.get(name) ?? 0) : rubyInteger(yield evalToken(offset, ctx));
    const to = limit === undefined ? undefined : from + rubyInteger(yield evalToken(limit, ctx));
    const segment = rubySlice(value, from, to);
    // `reversed` is written without a value, which liquidjs's hash keeps as a key.
    if ('reversed' in this.hash.hash && reversed === undefined) segment.reverse();
    offsets.set(name, from + segment.length);
    if (segment.length === 0) {
      yield renderer.renderTemplates(this.elseTemplates, ctx, emitter);
      return;
    }
    const loops = ctx.getRegister<Record<string, unknown>[]>(LOOPS, []);
    const length = segment.length;
    const forloop: Record<string, unknown> = { name, length, parentloop: loops.at(-1) };
    const scope: Record<string, unknown> = { forloop };
    loops.push(forloop);
    ctx.push(scope);
    try {
      for (let index = 0; index < length; index++) {
        Object.assign(forloop, loopCounters(index, length));
        scope[this.variable] = segment[index];
        ctx.continueCalled = ctx.breakCalled = false;
        yield renderer.renderTemplates(this.templates, ctx, emitter);
        if (ctx.breakCalled) break;
      }
    } finally {
      ctx.continueCalled = ctx.breakCalled = false;
      ctx.pop();
      loops.pop();
    }
  }
}
