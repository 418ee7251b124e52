/**
 * jekyll-include-cache 0.2: `{% include_cached file.html k=v %}` is `include`, rendered once a
 * build for each file and set of parameters; later uses get that first output.
 */
import type { Liquid } from 'liquidjs';
import type { TagClass } from '../render/liquid/tags/include.ts';
import type { Plugin } from './index.ts';

export const includeCache: Plugin = {
  name: 'jekyll-include-cache',
  liquid(liquid: Liquid): void {
    const include = liquid.tags.include as unknown as { withCache?(): TagClass };
    if (include.withCache) liquid.registerTag('include_cached', include.withCache());
  },
};
