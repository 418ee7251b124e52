/** Jekyll's filters on top of Liquid's, grouped by what they act on. */
import { Drop, type Liquid } from 'liquidjs';
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

export function registerFilters(liquid: Liquid, setup: FilterSetup): void {
  const all: Record<string, (...args: never[]) => unknown> = {
    ...urlFilters(setup.config),
    ...dateFilters(setup.now),
    ...stringFilters(setup),
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
