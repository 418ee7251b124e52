import { RubyArgumentError, timeParse } from './date-parse.ts';

/**
 * Jekyll's `ENV['TZ'] = config['timezone']`: the process's local time is the site's, for Ruby's
 * times and JavaScript's alike. The one place that sets the zone; setting the zone it already
 * has changes nothing (Node would otherwise drop its zone caches on every assignment).
 */
export function useTimezone(zone: string): void {
  if (process.env.TZ !== zone) process.env.TZ = zone;
}

/**
 * Jekyll's dates are Ruby Time objects in the site's timezone (see useTimezone). Liquid prints them with Ruby's `Time#to_s`, and
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
    /** What `%Z` prints: `UTC`, nothing for a fixed offset, `+00:00` for a Ruby Date. */
    readonly zoneName: string,
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

/**
 * `d` to read with local getters in the zone it prints in. A Ruby Date (a YAML date) prints as
 * midnight UTC, as `Date#strftime` does (`%z` +0000, `%s` that midnight's seconds).
 */
export function wallClock(d: Date): Date {
  if (!(d instanceof RubyTime)) return d;
  if (d.dateOnly) {
    const midnight = new Date(0);
    midnight.setUTCFullYear(d.getFullYear(), d.getMonth(), d.getDate());
    return new ZoneClock(midnight, 0, '+00:00');
  }
  if (d.zone === 'local') return d;
  return d.zone === 'utc' ? new ZoneClock(d, 0, 'UTC') : new ZoneClock(d, d.zone, '');
}

/** `%Z` of a time in a zone of its own (see ZoneClock), else undefined: the local zone's name. */
export function ownZoneName(d: Date): string | undefined {
  return d instanceof ZoneClock ? d.zoneName : undefined;
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

/** Ruby's `to_time.localtime`: the same instant in the site's zone (a Date: its local midnight). */
export function localTime(d: Date): Date {
  return d instanceof RubyTime && (d.zone !== 'local' || d.dateOnly) ? new RubyTime(d) : d;
}
