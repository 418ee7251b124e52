/**
 * `{% highlight lang [linenos] %}`: Rouge's markup, with Rouge's token spans in the languages
 * kramdown's highlighter has them for (the code text alone in others).
 */
import {
  type Context,
  type Emitter,
  type Liquid,
  Tag,
  type TagToken,
  type Template,
  type TopLevelToken,
} from 'liquidjs';

import { escapeCode } from '../../escape-code.ts';
import { rougeTokens } from '../../kramdown/index.ts';

const SYNTAX = /^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"([0-9]+\s)*[0-9]+"))?)*)$/;

export class HighlightTag extends Tag {
  private readonly lang: string;
  private readonly linenos: boolean;
  private readonly templates: Template[] = [];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const m = SYNTAX.exec(token.args.trim());
    if (!m)
      throw new Error(
        "Syntax Error in tag 'highlight' while parsing the following markup: Valid syntax: highlight <lang> [linenos]",
      );
    this.lang = m[1].toLowerCase();
    this.linenos = /\blinenos\b/.test(m[2]);
    const stream = this.liquid.parser
      .parseStream(remainTokens)
      .on('tag:endhighlight', () => stream.stop())
      .on('template', (tpl: Template) => this.templates.push(tpl))
      .on('end', () => {
        throw new Error(`tag ${token.getText()} not closed`);
      });
    stream.start();
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const body = (yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string;
    const code = body.replace(/^[\n\r]+|[\n\r]+$/g, '');
    let inner = rougeTokens(this.lang, code) ?? escapeCode(code);
    if (this.linenos) {
      const lines = code.split('\n').length;
      const numbers = Array.from({ length: lines }, (_, i) => i + 1).join('\n');
      inner = `<table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">${numbers}\n</pre></td><td class="code"><pre>${inner}\n</pre></td></tr></tbody></table>`;
    }
    const lang = this.lang.replace(/\+/g, '-');
    const prefix = String(ctx.getSync(['highlighter_prefix']) ?? '');
    const suffix = String(ctx.getSync(['highlighter_suffix']) ?? '');
    emitter.write(
      `${prefix}<figure class="highlight"><pre><code class="language-${lang}" data-lang="${this.lang}">${inner.replace(/\n$/, '')}</code></pre></figure>${suffix}`,
    );
  }
}
