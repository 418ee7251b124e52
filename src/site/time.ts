/**
 * Jekyll's dates are Ruby Time objects in the site's timezone (Jekyll sets ENV['TZ'] from
 * `timezone`, and so do we: see config). Liquid prints them with Ruby's `Time#to_s`, and
 * `jsonify` with `Time#to_json`; YAML dates without a time are Ruby `Date`s and print as
 * `YYYY-MM-DD`. A Date subclass keeps liquidjs's date filters working on them.
 */
export class RubyTime extends Date {
  /** True for a YAML date without a time of day (a Ruby `Date`). */
  readonly dateOnly: boolean;

  constructor(value: number | string | Date, dateOnly = false) {
    super(value instanceof Date ? value.getTime() : value);
    this.dateOnly = dateOnly;
  }

  override toString(): string {
    return this.dateOnly ? ymd(this) : `${ymd(this)} ${hms(this)} ${utcOffset(this)}`;
  }

  override toJSON(): string {
    return this.toString();
  }

  /** liquidjs prints values through `toString`, `valueOf` would turn this into a number. */
  toLiquidString(): string {
    return this.toString();
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function ymd(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function hms(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `+0800` as Ruby's `%z` prints it, for the local (site) timezone. */
export function utcOffset(d: Date, separator = ''): string {
  const minutes = -d.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${separator}${pad(abs % 60)}`;
}

/** ISO 8601 with the local offset, as Ruby's `Time#xmlschema`. */
export function xmlschema(d: Date): string {
  return `${ymd(d)}T${hms(d)}${utcOffset(d, ':')}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Ruby's `Time.parse(input).localtime` for the forms front matter uses: `2020-01-05`,
 * `2020-01-05 10:00`, `2020-01-05T10:00:00+08:00`, `2020-01-05 10:00:00 -0700`, RFC 2822.
 * A missing zone means local (site) time. Returns undefined when it cannot be parsed.
 */
export function parseRubyTime(input: string): RubyTime | undefined {
  const text = input.trim();
  const iso =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|UTC|GMT|[-+]\d{2}:?\d{2}|[-+]\d{2})?$/i.exec(
      text,
    );
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac, zone] = iso;
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31) return undefined;
    if (!zone) return new RubyTime(new Date(+y, +mo - 1, +d, +h, +mi, +s, ms));
    return new RubyTime(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms) - zoneOffsetMs(zone));
  }
  const rfc =
    /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|UTC|GMT|[-+]\d{4})?$/.exec(
      text,
    );
  if (rfc) {
    const [, d, monthName, y, h = '0', mi = '0', s = '0', zone] = rfc;
    const month = MONTHS.indexOf(monthName.toLowerCase());
    if (month < 0) return undefined;
    if (!zone) return new RubyTime(new Date(+y, month, +d, +h, +mi, +s));
    return new RubyTime(Date.UTC(+y, month, +d, +h, +mi, +s) - zoneOffsetMs(zone));
  }
  return undefined;
}

function zoneOffsetMs(zone: string): number {
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 0;
  const m = /^([-+])(\d{2}):?(\d{2})?$/.exec(zone)!;
  const minutes = +m[2] * 60 + +(m[3] ?? 0);
  return (m[1] === '-' ? -minutes : minutes) * 60_000;
}

/**
 * The build's time: `site.time`, and the date of a document that has none. While a page
 * renders, each use of it is told to `note` (Site#uses), so that serve, `-I` and cached builds
 * render a page again only when what it showed of the time would change. A date filter tells
 * what it printed (`timeShown`): the footer's `{{ site.time | date: '%Y' }}` stays right all
 * year. Any other use (printing it whole, comparing it) is `TIME_ITSELF`, which every build
 * renders again.
 */
export class BuildTime extends RubyTime {
  constructor(
    value: number,
    readonly note: (dependency: string) => void,
  ) {
    super(value);
  }
}

/** A page that used the build time in a way only a new render can tell. */
export const TIME_ITSELF = 'time';

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
        if (showing === 0) this.note(TIME_ITSELF);
        return original.apply(this, args);
      },
    });
  }
}

/**
 * `show(value)`, a date filter's text for `value`; when `value` is the build time, noted as a
 * dependency with `how` (the filter and its arguments) and the text, for `sameTimeShown`.
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
  value.note(`time:${JSON.stringify(how)}\0${text}`);
  return text;
}

/** Whether a dependency noted while rendering is about the build time. */
export const isTimeDependency = (dependency: string) =>
  dependency === TIME_ITSELF || dependency.startsWith('time:');

/**
 * Whether a page that noted `dependency` would show the same at `time`: `show` gives a date
 * filter's text again from its `how`.
 */
export function sameTimeShown(
  dependency: string,
  time: Date,
  show: (how: unknown[], value: Date) => string | undefined,
): boolean {
  if (dependency === TIME_ITSELF) return false;
  const cut = dependency.indexOf('\0');
  const how = JSON.parse(dependency.slice('time:'.length, cut)) as unknown[];
  return show(how, time) === dependency.slice(cut + 1);
}
