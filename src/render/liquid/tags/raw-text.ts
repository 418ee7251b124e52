/**
 * The body of a `{% raw %}` block, which lax.ts hands over encoded: liquidjs's tokenizer would
 * read the Liquid inside it, where Ruby's takes it as text up to `{% endraw %}`.
 */
import { type Liquid, Tag, type TagToken, type TopLevelToken } from 'liquidjs';

export class RawTextTag extends Tag {
  readonly text: string;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.text = decodeURIComponent(token.args.trim());
  }

  render(): string {
    return this.text;
  }
}
