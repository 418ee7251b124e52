/**
 * Ruby's `Time#strftime`, in the local (site) timezone: the directives and flags (`-`, `_`,
 * `0`, `^`, `#`, widths, `:z`) that Liquid's `date` filter passes straight through to Ruby.
 */
import { readFileSync } from 'node:fs';
import { ownZoneName, utcOffset, wallClock } from './time.ts';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function dayOfYear(d: Date): number {
  const start = new Date(d.getFullYear(), 0, 1);
  const today = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((today.getTime() - start.getTime()) / 86_400_000) + 1;
}

function isoWeek(d: Date): { week: number; year: number } {
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return { week: Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7), year: t.getUTCFullYear() };
}

/** Week of the year with weeks starting on `firstDay` (0 Sunday for %U, 1 Monday for %W). */
function weekNumber(d: Date, firstDay: number): number {
  const yday = dayOfYear(d) - 1;
  const wday = (d.getDay() + 7 - firstDay) % 7;
  return Math.floor((yday + 7 - wday) / 7);
}

/**
 * The zone's abbreviations from the system's tz database (what Ruby's `%Z` prints): the POSIX
 * rule at the end of the zone file, e.g. `JST-9` or `CET-1CEST,M3.5.0,M10.5.0/3`.
 */
const abbreviations = new Map<
  string,
  { standard: string; daylight?: string; standardOffset: number } | null
>();

function zoneAbbreviations(zone: string) {
  if (abbreviations.has(zone)) return abbreviations.get(zone);
  let rule: { standard: string; daylight?: string; standardOffset: number } | null = null;
  try {
    if (/^[\w+-]+(\/[\w+-]+)*$/.test(zone)) {
      const tail = readFileSync(`/usr/share/zoneinfo/${zone}`).toString('latin1').trimEnd();
      const posix = tail.slice(tail.lastIndexOf('\n') + 1);
      const m = /^(<[^>]+>|[A-Za-z]+)([-+]?\d+)(?::(\d+))?(<[^>]+>|[A-Za-z]+)?/.exec(posix);
      if (m) {
        const name = (text: string) => text.replace(/^<|>$/g, '');
        const hours = Number(m[2]);
        const minutes = Number(m[3] ?? 0) * Math.sign(hours || 1);
        rule = {
          standard: name(m[1]),
          daylight: m[4] && name(m[4]),
          standardOffset: -(hours * 60 + minutes),
        };
      }
    }
  } catch {
    rule = null;
  }
  abbreviations.set(zone, rule);
  return rule;
}

/** `%Z`: the tz database's abbreviation (`JST`, `CEST`, `EST`), else what Intl knows. */
function zoneName(d: Date): string {
  const own = ownZoneName(d);
  if (own !== undefined) return own;
  const zone = process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  const rule = zone ? zoneAbbreviations(zone) : null;
  if (rule) {
    const offset = -d.getTimezoneOffset();
    return offset !== rule.standardOffset && rule.daylight ? rule.daylight : rule.standard;
  }
  for (const locale of ['en-US', 'en-GB']) {
    const name = new Intl.DateTimeFormat(locale, { timeZoneName: 'short' })
      .formatToParts(d)
      .find((part) => part.type === 'timeZoneName')?.value;
    if (name && !/^(GMT|UTC)[+-]/.test(name)) return name;
  }
  return utcOffset(d, '').replace(/00$/, '');
}

type Kind = 'num' | 'alpha';

export function strftime(time: Date, format: string): string {
  const d = wallClock(time);
  return format.replace(
    /%([-_0^#]*)(\d*)(:{0,2})([a-zA-Z%+])/g,
    (whole, flags: string, widthText: string, colons: string, directive: string) => {
      const value = directive === 'z' ? zone(d, colons) : field(d, directive);
      if (value === undefined) return whole;
      let [text, kind, defaultWidth, defaultPad] = value;
      if (flags.includes('^')) text = text.toUpperCase();
      if (flags.includes('#')) text = /[a-z]/.test(text) ? text.toUpperCase() : text.toLowerCase();
      let pad = defaultPad;
      if (flags.includes('_')) pad = ' ';
      if (flags.includes('0')) pad = '0';
      const width = widthText ? Number(widthText) : defaultWidth;
      if (flags.includes('-')) return text.replace(/^[0 ]+(?=\d)/, '');
      if (kind === 'num' && text.startsWith('-')) return `-${text.slice(1).padStart(width - 1, pad)}`;
      return text.padStart(width, kind === 'alpha' && !widthText ? ' ' : pad);
    },
  );
}

function zone(d: Date, colons: string): [string, Kind, number, string] {
  if (colons === ':') return [utcOffset(d, ':'), 'num', 0, '0'];
  if (colons === '::') return [`${utcOffset(d, ':')}:00`, 'num', 0, '0'];
  return [utcOffset(d, ''), 'num', 0, '0'];
}

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one case per strftime directive, as in Ruby's strftime.c
function field(d: Date, directive: string): [string, Kind, number, string] | undefined {
  const n = (value: number, width = 2, pad = '0'): [string, Kind, number, string] => [
    String(value),
    'num',
    width,
    pad,
  ];
  const a = (value: string): [string, Kind, number, string] => [value, 'alpha', 0, ' '];
  const hour12 = d.getHours() % 12 || 12;
  switch (directive) {
    case 'Y': {
      // At least four digits, after the sign: `0050`, `-0043`.
      const year = d.getFullYear();
      return year < 0 ? [`-${String(-year).padStart(4, '0')}`, 'num', 0, '0'] : n(year, 4);
    }
    case 'C':
      return n(Math.floor(d.getFullYear() / 100));
    case 'y':
      return n(d.getFullYear() % 100);
    case 'm':
      return n(d.getMonth() + 1);
    case 'B':
      return a(MONTHS[d.getMonth()]);
    case 'b':
    case 'h':
      return a(MONTHS[d.getMonth()].slice(0, 3));
    case 'd':
      return n(d.getDate());
    case 'e':
      return n(d.getDate(), 2, ' ');
    case 'j':
      return n(dayOfYear(d), 3);
    case 'H':
      return n(d.getHours());
    case 'k':
      return n(d.getHours(), 2, ' ');
    case 'I':
      return n(hour12);
    case 'l':
      return n(hour12, 2, ' ');
    case 'P':
      return a(d.getHours() < 12 ? 'am' : 'pm');
    case 'p':
      return a(d.getHours() < 12 ? 'AM' : 'PM');
    case 'M':
      return n(d.getMinutes());
    case 'S':
      return n(d.getSeconds());
    case 'L':
      return n(d.getMilliseconds(), 3);
    case 'N':
      return [String(d.getMilliseconds()).padStart(3, '0').padEnd(9, '0'), 'num', 9, '0'];
    case 'A':
      return a(DAYS[d.getDay()]);
    case 'a':
      return a(DAYS[d.getDay()].slice(0, 3));
    case 'u':
      return n(d.getDay() || 7, 1);
    case 'w':
      return n(d.getDay(), 1);
    case 'U':
      return n(weekNumber(d, 0));
    case 'W':
      return n(weekNumber(d, 1));
    case 'V':
      return n(isoWeek(d).week);
    case 'G':
      return n(isoWeek(d).year, 0);
    case 'g':
      return n(isoWeek(d).year % 100);
    case 'Z':
      return a(zoneName(d));
    case 's':
      return n(Math.floor(d.getTime() / 1000), 0);
    case 'n':
      return a('\n');
    case 't':
      return a('\t');
    case '%':
      return a('%');
    case 'F':
      return a(strftime(d, '%Y-%m-%d'));
    case 'D':
    case 'x':
      return a(strftime(d, '%m/%d/%y'));
    case 'T':
    case 'X':
      return a(strftime(d, '%H:%M:%S'));
    case 'R':
      return a(strftime(d, '%H:%M'));
    case 'r':
      return a(strftime(d, '%I:%M:%S %p'));
    case 'c':
      return a(strftime(d, '%a %b %e %H:%M:%S %Y'));
    case '+':
      // `Date#strftime` has it, `Time#strftime` prints it as written.
      return ownZoneName(d) === '+00:00' ? a(strftime(d, '%a %b %e %H:%M:%S %Z %Y')) : undefined;
    default:
      return undefined;
  }
}
