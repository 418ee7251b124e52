/**
 * `tablerow` as Ruby Liquid 4.0.4 writes it: a newline after the first `<tr>` and after each
 * `</tr>`, a row even for an empty list, one row when `cols` is not given, and the
 * `tablerowloop` it counts with. liquidjs's own tag parses the markup (lax.ts hands it the
 * attributes Ruby read); only the rendering differs.
 */
import { type Context, type Emitter, TablerowTag as LiquidjsTablerowTag } from 'liquidjs';
import { loopCounters, loopValue, rubyInteger, rubySlice } from './collection.ts';

export class TablerowTag extends LiquidjsTablerowTag {
  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const value = yield* loopValue(this.collection, ctx);
    if (value == null || value === false) return;
    const args = (yield this.args.render(ctx)) as Record<string, unknown>;
    const from = rubyInteger(args.offset);
    const list = rubySlice(
      value,
      from,
      args.limit === undefined ? undefined : from + rubyInteger(args.limit),
    );
    const cols = rubyInteger(args.cols);
    const length = list.length;
    let col = 1;
    let row = 1;
    const loop: Record<string, unknown> = { length };
    const scope: Record<string, unknown> = { tablerowloop: loop };
    ctx.push(scope);
    // As in the for tag: the loop's scope goes even when its body fails.
    try {
      emitter.write('<tr class="row1">\n');
      for (let index = 0; index < length; index++) {
        Object.assign(loop, loopCounters(index, length), {
          col,
          col0: col - 1,
          col_first: col === 1,
          col_last: col === cols,
          row,
        });
        scope[this.variable] = list[index];
        emitter.write(`<td class="col${col}">`);
        yield this.liquid.renderer.renderTemplates(this.templates, ctx, emitter);
        emitter.write('</td>');
        if (col === cols && index !== length - 1) emitter.write(`</tr>\n<tr class="row${row + 1}">`);
        if (col === cols) {
          col = 1;
          row++;
        } else col++;
      }
      emitter.write('</tr>\n');
    } finally {
      ctx.pop();
    }
  }
}
