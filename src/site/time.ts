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
