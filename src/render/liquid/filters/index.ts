/** Jekyll's filters on top of Liquid's, grouped by what they act on. */
import { Drop, type Liquid } from 'liquidjs';
import type { SiteSettings } from '../../../config/index.ts';
import { arrayFilters } from './array.ts';
import { dateFilters } from './date.ts';
import { numberFilters } from './number.ts';
import { stringFilters } from './string.ts';
import { urlFilters } from './url.ts';

export interface FilterSetup {
  config: Record<string, unknown>;
  markdownify(text: string): string;
  scssify(text: string, syntax: 'scss' | 'sass'): string;
  /** What `"now"` means to the date filters (the build time, as a page renders). */
  now?(): Date;
}

/**
 * Filters liquidjs has but neither Ruby Liquid (4.0.4 on GitHub Pages, 5.4 in Debian) nor Jekyll
 * 4.3 does: there a template naming one gets its input back unchanged (an unknown filter in lax
 * mode), so `{{ years | sum }}` prints the list, as on GitHub Pages.
 */
const notInRubyLiquid = Object.fromEntries(
  [
    'sum',
    'has',
    'has_exp',
    'reject',
    'reject_exp',
    'find_index',
    'find_index_exp',
    'json',
    'squish',
    'sha256',
    'hmac_sha256',
  ].map((name) => [name, (input: unknown) => input]),
);

/** `settings`: those of `setup.config`, resolved once by the engine. */
export function registerFilters(liquid: Liquid, setup: FilterSetup, settings: SiteSettings): void {
  const all: Record<string, (...args: never[]) => unknown> = {
    ...notInRubyLiquid,
    ...urlFilters(setup.config),
    ...dateFilters(setup.now),
    ...stringFilters({ ...setup, kramdown: settings.kramdown }),
    ...arrayFilters,
    ...numberFilters,
  };
  for (const [name, filter] of Object.entries(all)) {
    const impl = filter as (this: unknown, ...args: unknown[]) => unknown;
    liquid.registerFilter(name, function (this: unknown, ...args: unknown[]) {
      return impl.apply(this, args.map(plain));
    });
  }
}

/** liquidjs hands `nil` to filters as a NullDrop; Jekyll's filters expect nil. */
function plain(value: unknown): unknown {
  return value instanceof Drop && value.valueOf() === null ? null : value;
}
