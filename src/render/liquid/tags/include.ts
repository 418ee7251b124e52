/**
 * Jekyll's `include`: liquidjs's Jekyll-style include (parameters under `include`, shared
 * scope, `{{ var }}` in the name), plus Jekyll's checks: no `..` or `//` in the name, and a
 * depth limit so an include that includes itself ends in an error instead of a hang.
 */
import { type Context, type Emitter, IncludeTag } from 'liquidjs';

/** Ruby Liquid's `Block::MAX_DEPTH`. */
export const MAX_INCLUDE_DEPTH = 100;
const DEPTH = 'scholarsiteIncludeDepth';

export class JekyllIncludeTag extends IncludeTag {
  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const depth = (ctx.getRegister(DEPTH) as number | undefined) ?? 0;
    if (depth >= MAX_INCLUDE_DEPTH) {
      throw new Error(
        `includes are nested more than ${MAX_INCLUDE_DEPTH} deep: an include probably includes itself (directly or through another include)`,
      );
    }
    ctx.setRegister(DEPTH, depth + 1);
    try {
      yield* super.render(ctx, emitter);
    } finally {
      ctx.setRegister(DEPTH, depth);
    }
  }
}

/** `IncludeTag#validate_file_name`. */
export function checkIncludeName(name: string): void {
  if (/[./]{2,}/.test(name) || /^\//.test(name)) {
    throw new Error(
      `Invalid syntax for include tag. File contains invalid characters or sequences: ${name}. Valid syntax: {% include file.ext param='value' param2='value' %}`,
    );
  }
}
