/**
 * `include_relative`: like `include`, but the file is found next to the file being rendered
 * (never above the site folder).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Context, type Emitter, type Liquid, Tag, type TagToken, type TopLevelToken } from 'liquidjs';
import { CURRENT_FILE } from '../engine-registers.ts';

export function includeRelativeTag(sourceDir: string, uses?: (dependency: string) => void) {
  return class IncludeRelativeTag extends Tag {
    private readonly markup: string;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      this.markup = token.args.trim();
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const [rawName, ...params] = this.markup.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? [];
      if (!rawName) throw new Error('include_relative needs a file name');
      const name = (yield this.liquid.parseAndRender(rawName, ctx.getAll() as object)) as string;
      if (/[./]{2,}/.test(name) || name.startsWith('/')) {
        throw new Error(
          `Invalid syntax for include_relative tag. File contains invalid characters or sequences: ${name}`,
        );
      }
      const current = (ctx.getRegister(CURRENT_FILE) as string | undefined) ?? '';
      const target = path.resolve(sourceDir, path.dirname(current), name);
      if (!target.startsWith(sourceDir + path.sep))
        throw new Error(`include_relative may not leave the site: ${name}`);
      uses?.(`file:${target}`);
      let text: string;
      try {
        text = readFileSync(target, 'utf8');
      } catch {
        throw new Error(`Could not locate the included file '${name}' in ${path.dirname(current) || '.'}`);
      }
      const include: Record<string, unknown> = {};
      for (const param of params) {
        const m = /^([\w-]+)=(.*)$/s.exec(param);
        if (!m) continue;
        const value = m[2];
        include[m[1]] = /^["']/.test(value) ? value.slice(1, -1) : yield this.liquid.evalValue(value, ctx);
      }
      const templates = this.liquid.parse(text, path.relative(sourceDir, target));
      ctx.push({ include });
      try {
        yield this.liquid.renderer.renderTemplates(templates, ctx, emitter);
      } finally {
        ctx.pop();
      }
    }
  };
}
