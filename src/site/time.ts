import { RubyArgumentError, timeParse } from '../ruby/date-parse.ts';

/**
 * Jekyll's dates are Ruby Time objects in the site's timezone (Jekyll sets ENV['TZ'] from
 * `timezone`, and so do we: see config). Liquid prints them with Ruby's `Time#to_s`, and
 * `jsonify` with `Time#to_json`; YAML dates without a time are Ruby `Date`s and print as
 * `YYYY-MM-DD`. A Date subclass keeps liquidjs's date filters working on them.
 */
export class RubyTime extends Date {
  /** True for a YAML date without a time of day (a Ruby `Date`). */
  readonly dateOnly: boolean;
  /**
   * The zone the time prints in: local (the site's), or what `Time.parse` kept from the text
   * (UTC, or a fixed offset in seconds east), which Liquid's `date` filter prints as is.
   */
  readonly zone: 'local' | 'utc' | number;

  constructor(value: number | string | Date, dateOnly = false, zone: 'local' | 'utc' | number = 'local') {
    super(value instanceof Date ? value.getTime() : value);
    this.dateOnly = dateOnly;
    this.zone = zone;
  }

  override toString(): string {
    if (this.dateOnly) return ymd(this);
    const clock = wallClock(this);
    return `${ymd(clock)} ${hms(clock)} ${this.zone === 'utc' ? 'UTC' : utcOffset(clock)}`;
  }

  override toJSON(): string {
    return this.toString();
  }

  /** liquidjs prints values through `toString`, `valueOf` would turn this into a number. */
  toLiquidString(): string {
    return this.toString();
  }
}

/**
 * A time seen on the clock of its own zone: its local getters (`getHours`, `getTimezoneOffset`…)
 * answer for that zone, so strftime and `to_s` print it as Ruby prints a UTC or fixed-offset Time.
 */
class ZoneClock extends Date {
  private readonly shifted: Date;

  constructor(
    time: Date,
    readonly offset: number,
    readonly utc: boolean,
  ) {
    super(time.getTime());
    this.shifted = new Date(time.getTime() + offset * 1000);
  }

  override getFullYear(): number {
    return this.shifted.getUTCFullYear();
  }
  override getMonth(): number {
    return this.shifted.getUTCMonth();
  }
  override getDate(): number {
    return this.shifted.getUTCDate();
  }
  override getDay(): number {
    return this.shifted.getUTCDay();
  }
  override getHours(): number {
    return this.shifted.getUTCHours();
  }
  override getMinutes(): number {
    return this.shifted.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.shifted.getUTCSeconds();
  }
  override getMilliseconds(): number {
    return this.shifted.getUTCMilliseconds();
  }
  override getTimezoneOffset(): number {
    return -this.offset / 60;
  }
}

/** `d` to read with local getters in the zone it prints in; undefined `%Z` for a fixed offset. */
export function wallClock(d: Date): Date {
  if (!(d instanceof RubyTime) || d.zone === 'local') return d;
  return d.zone === 'utc' ? new ZoneClock(d, 0, true) : new ZoneClock(d, d.zone, false);
}

/** `%Z` of a time in a zone of its own: `UTC`, or nothing for a fixed offset (Ruby prints ""). */
export function ownZoneName(d: Date): string | undefined {
  return d instanceof ZoneClock ? (d.utc ? 'UTC' : '') : undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function ymd(d: Date): string {
  const year = d.getFullYear();
  return `${year < 0 ? '-' : ''}${pad(Math.abs(year), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function hms(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `+0800` as Ruby's `%z` prints it, for the zone `d` reads in (see wallClock). */
export function utcOffset(d: Date, separator = ''): string {
  const minutes = -d.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${separator}${pad(abs % 60)}`;
}

/** ISO 8601 with the time's offset, as Ruby's `Time#xmlschema` (`Z` for a UTC time). */
export function xmlschema(d: Date): string {
  const clock = wallClock(d);
  const zone = d instanceof RubyTime && d.zone === 'utc' ? 'Z' : utcOffset(clock, ':');
  return `${ymd(clock)}T${hms(clock)}${zone}`;
}

/**
 * Ruby's `Time.parse(input, now)` as Liquid's `to_date` calls it: any text Ruby reads as a date
 * (`2020-01-05'`, `05/01/2020`, `5 March`), the parts it lacks taken from `now`, in the zone the
 * text gave. Undefined where Ruby raises `ArgumentError`.
 */
export function parseRubyTimeInItsZone(input: string, now: Date = new Date()): RubyTime | undefined {
  try {
    const { time, zone } = timeParse(input, now);
    return new RubyTime(time, false, zone);
  } catch (error) {
    if (error instanceof RubyArgumentError) return undefined;
    throw error;
  }
}

/** Jekyll's `Utils.parse_date`: `Time.parse(input).localtime`, undefined where Ruby raises. */
export function parseRubyTime(input: string, now: Date = new Date()): RubyTime | undefined {
  const time = parseRubyTimeInItsZone(input, now);
  return time && new RubyTime(time);
}

/** Ruby's `Time#localtime`: the same instant in the site's zone. */
export function localTime(d: Date): Date {
  return d instanceof RubyTime && d.zone !== 'local' ? new RubyTime(d, d.dateOnly) : d;
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
