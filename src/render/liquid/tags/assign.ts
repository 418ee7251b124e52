/**
 * `assign` as Ruby Liquid does it: the name is taken as written, so `{% assign a.b = 1 %}`
 * sets a variable called "a.b" (which `{{ a.b }}` does not read). lax.ts writes such a name
 * quoted; liquidjs's own tag takes identifiers only.
 */
import {
  type Context,
  evalQuotedToken,
  type Liquid,
  Tag,
  type TagToken,
  type TopLevelToken,
  Value,
} from 'liquidjs';

export class AssignTag extends Tag {
  private readonly key: string;
  private readonly value: Value;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const quoted = this.tokenizer.readQuoted();
    this.key = quoted ? evalQuotedToken(quoted) : this.tokenizer.readIdentifier().content;
    this.tokenizer.assert(this.key, 'expected variable name');
    this.tokenizer.skipBlank();
    this.tokenizer.assert(this.tokenizer.peek() === '=', 'expected "="');
    this.tokenizer.advance();
    this.value = new Value(this.tokenizer.readFilteredValue(), this.liquid);
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    ctx.bottom()[this.key] = yield this.value.value(ctx, this.liquid.options.lenientIf);
  }
}
