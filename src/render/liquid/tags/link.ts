/** `{% link path %}` and `{% post_url name %}`: the url of a file of the site, or an error. */
import { type Context, type Liquid, Tag, type TagToken, type TopLevelToken } from 'liquidjs';

export function urlTag(kind: 'link' | 'post_url', resolve: (name: string) => string | undefined) {
  return class UrlTag extends Tag {
    private readonly markup: string;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      this.markup = token.args.trim();
    }

    *render(ctx: Context): Generator<unknown, string, unknown> {
      const name = this.markup.includes('{{')
        ? ((yield this.liquid.parseAndRender(this.markup, ctx.getAll() as object)) as string).trim()
        : this.markup;
      const url = resolve(name);
      if (url !== undefined) return url;
      if (kind === 'post_url') {
        throw new Error(
          `Could not find post "${name}" in tag 'post_url'. Make sure the post exists and the name is correct.`,
        );
      }
      throw new Error(
        `Could not find document '${name}' in tag 'link'. Make sure the document exists and the path is correct.`,
      );
    }
  };
}
