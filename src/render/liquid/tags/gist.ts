/**
 * jekyll-gist's `{% gist user/id [file] %}`. Offline (as builds here are) the gem cannot fetch
 * the gist for its `<noscript>` copy and writes only the script tag; so do we.
 */
import { type Context, type Liquid, Tag, type TagToken, type TopLevelToken } from 'liquidjs';

export class GistTag extends Tag {
  private readonly id: string;
  private readonly file: string;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const m = /^(\S+|.*(?=\/).+)\s?(\S*)$/.exec(token.args.trim());
    if (!m) {
      throw new Error(
        "Syntax error in tag 'gist'. Valid syntax: {% gist user/1234567 %} or {% gist user/1234567 foo.js %}",
      );
    }
    this.id = m[1].trim();
    this.file = m[2].trim();
  }

  *render(ctx: Context): Generator<unknown, string, unknown> {
    // A name that is a variable in scope is looked up, as the gem does.
    const lookup = (name: string) => {
      const value = name && /^[\w-]+$/.test(name) ? ctx.getSync([name]) : undefined;
      return value == null ? name : String(value);
    };
    const id = lookup(this.id);
    const file = lookup(this.file);
    const url = `https://gist.github.com/${id}.js${file ? `?file=${file}` : ''}`;
    return `<script src="${url}"> </script>`;
  }
}
