import { RubyTime } from '../ruby/time.ts';
import { Dependency } from './dependency.ts';

/**
 * The build's time: `site.time`, and the date of a document that has none. While a page
 * renders, each use of it is told to `note` (the build's DependencyRecorder), so that serve, `-I` and cached builds
 * render a page again only when what it showed of the time would change. A date filter tells
 * what it printed (`timeShown`): the footer's `{{ site.time | date: '%Y' }}` stays right all
 * year. Any other use (printing it whole, comparing it) is `Dependency.timeItself`, which every build
 * renders again.
 */
export class BuildTime extends RubyTime {
  constructor(
    value: number,
    readonly note: (dependency: Dependency) => void,
  ) {
    super(value);
  }
}

/** While above 0, a date filter is reading the time to print it, and says so itself. */
let showing = 0;

// Every method of a time, wrapped: a call outside a date filter is a use of the time itself.
for (const prototype of [RubyTime.prototype, Date.prototype]) {
  for (const key of Reflect.ownKeys(prototype)) {
    if (key === 'constructor' || Object.hasOwn(BuildTime.prototype, key)) continue;
    const original = Reflect.get(prototype, key) as unknown;
    if (typeof original !== 'function') continue;
    Object.defineProperty(BuildTime.prototype, key, {
      configurable: true,
      writable: true,
      value(this: BuildTime, ...args: unknown[]) {
        if (showing === 0) this.note(Dependency.timeItself);
        return original.apply(this, args);
      },
    });
  }
}

/**
 * `show(value)`, a date filter's text for `value`; when `value` is the build time, noted as a
 * dependency with `how` (the filter and its arguments) and the text, to compare with the next build's.
 */
export function timeShown(value: Date, how: unknown[], show: (value: Date) => string): string {
  if (!(value instanceof BuildTime)) return show(value);
  showing++;
  let text: string;
  try {
    text = show(value);
  } finally {
    showing--;
  }
  value.note(Dependency.timeShown(how, text));
  return text;
}
