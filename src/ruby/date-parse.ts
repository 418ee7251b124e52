/**
 * Ruby's `Date._parse` (ruby/date, ext/date/date_parse.c, the default non-tight parser) and
 * `Time.parse` (time.rb), which Jekyll and Liquid use for every date written as text: front
 * matter, post filenames, the date filters. Its sub-parsers run in C's order and each one blanks
 * what it took, so a later one sees only the rest; `Time.parse` then fills what is missing from
 * "now" and reads the zone. Local time is the process's (Jekyll sets TZ from `timezone`, so do we).
 *
 * Imports nothing else of the program: it is Ruby, not scholarsite.
 */

/** What `Date._parse` found: the keys of its hash that `Time.parse` reads. */
export interface DateParts {
  year?: number;
  mon?: number;
  mday?: number;
  yday?: number;
  wday?: number;
  cwyear?: number;
  cweek?: number;
  cwday?: number;
  hour?: number;
  min?: number;
  sec?: number;
  /** The fraction of a second, 0 ≤ f < 1. */
  secFraction?: number;
  zone?: string;
}

/** Ruby's `ArgumentError` from `Time.parse`, with Ruby's message. */
export class RubyArgumentError extends Error {
  override name = 'ArgumentError';
}

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const DAYS = 'sun|mon|tue|wed|thu|fri|sat';
const ERA = String.raw`c(?:e|\.e\.)|b(?:ce|\.c\.e\.)|a(?:d|\.d\.)|b(?:c|\.c\.)`;

/** A word character as Onigmo sees one in a UTF-8 string (`é` and `日` are), for `\b`. */
const WORD = String.raw`[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}]`;
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

/** A pattern of date_parse.c, its `\b` a Unicode word boundary as in Ruby (JavaScript's is ASCII). */
const re = (source: string, flags = '') =>
  new RegExp(source.replaceAll(String.raw`\b`, BOUNDARY), `${flags}u`);

/** The sub-parsers' patterns, as date_parse.c writes them (`NUMBER` is `(?<!\d)\d`). */
const compilePatterns = () => ({
  junk: re(String.raw`[^-+',./:@\p{Alphabetic}\p{Nd}\[\]]+`, 'g'),
  day: re(String.raw`\b(${DAYS})[^-/\d\s]*`, 'i'),
  time: re(
    String.raw`((?<!\d)\d+\s*(?:(?::\s*\d+(?:\s*:\s*\d+(?:[,.]\d*)?)?|h(?:\s*\d+m?(?:\s*\d+s?)?)?)(?:\s*[ap](?:m\b|\.m\.))?|[ap](?:m\b|\.m\.)))` +
      String.raw`(?:\s*((?:gmt|utc?)?[-+]\d+(?:[,.:]\d+(?::\d+)?)?|[\p{Alphabetic}.\s]+(?:standard|daylight)\stime\b|\p{Alphabetic}+(?:\sdst)?\b))?`,
    'i',
  ),
  timeParts: re(
    String.raw`^(\d+)h?(?:\s*:?\s*(\d+)m?(?:\s*:?\s*(\d+)(?:[,.](\d+))?s?)?)?(?:\s*([ap])(?:m\b|\.m\.))?`,
    'i',
  ),
  eu: re(
    String.raw`('?(?<!\d)\d+)[^-\d\s]*\s*(${MONTHS})[^-\d\s']*(?:\s*(?:\b(${ERA})(?!(?<!\.)[a-z]))?\s*('?-?\d+(?:(?:st|nd|rd|th)\b)?))?`,
    'i',
  ),
  us: re(String.raw`\b(${MONTHS})[^-\d\s']*\s*('?\d+)[^-\d\s']*(?:\s*,?\s*(${ERA})?\s*('?-?\d+))?`, 'i'),
  iso: re(String.raw`('?[-+]?(?<!\d)\d+)-(\d+)-('?-?\d+)`),
  iso21: re(String.raw`\b(\d{2}|\d{4})?-?w(\d{2})(?:-?(\d))?\b`, 'i'),
  iso22: re(String.raw`-w-(\d)\b`, 'i'),
  iso23: re(String.raw`--(\d{2})?-(\d{2})\b`),
  iso24: re(String.raw`--(\d{2})(\d{2})?\b`),
  iso25Not: re(String.raw`[,.](\d{2}|\d{4})-\d{3}\b`),
  iso25: re(String.raw`\b(\d{2}|\d{4})-(\d{3})\b`),
  iso26Not: re(String.raw`\d-\d{3}\b`),
  iso26: re(String.raw`\b-(\d{3})\b`),
  jis: re(String.raw`\b([mtshr])(\d+)\.(\d+)\.(\d+)`, 'i'),
  vms11: re(String.raw`('?-?(?<!\d)\d+)-(${MONTHS})[^-/.]*-('?-?\d+)`, 'i'),
  vms12: re(String.raw`\b(${MONTHS})[^-/.]*-('?-?\d+)(?:-('?-?\d+))?`, 'i'),
  sla: re(String.raw`('?-?(?<!\d)\d+)/\s*('?\d+)(?:\D\s*('?-?\d+))?`, 'i'),
  dot: re(String.raw`('?-?(?<!\d)\d+)\.\s*('?\d+)\.\s*('?-?\d+)`, 'i'),
  year: re(String.raw`'(\d+)\b`),
  mon: re(String.raw`\b(${MONTHS})\S*`, 'i'),
  mday: re(String.raw`((?<!\d)\d+)(st|nd|rd|th)\b`, 'i'),
  ddd: re(
    String.raw`([-+]?)((?<!\d)\d{2,14})(?:\s*t?\s*(\d{2,6})?(?:[,.](\d*))?)?(?:\s*(z\b|[-+]\d{1,4}\b|\[[-+]?\d[^\]]*\]))?`,
    'i',
  ),
  bc: re(String.raw`\b(bc\b|bce\b|b\.c\.|b\.c\.e\.)`, 'i'),
  frag: re(String.raw`^\s*(\d{1,2})\s*$`),
});

let compiled: ReturnType<typeof compilePatterns> | undefined;
/**
 * Compiled on the first text that is not a plain date: their Unicode classes take tens of
 * milliseconds to compile, and many builds read no other kind of date.
 */
const patterns = () => {
  compiled ??= compilePatterns();
  return compiled;
};

/** A date alone, as post file names write it; a four-digit year is never taken for a two-digit one. */
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Ruby's `String#to_i` for the digit runs the patterns capture. */
const toI = (text: string): number => {
  const m = /^\s*([-+]?\d+)/.exec(text);
  return m ? Number.parseInt(m[1], 10) : 0;
};

const monthNumber = (name: string) => MONTHS.split('|').indexOf(name.slice(0, 3).toLowerCase()) + 1;
const dayNumber = (name: string) => DAYS.split('|').indexOf(name.slice(0, 3).toLowerCase());

/** The parse's state: the text left (each sub-parser blanks its match) and the hash so far. */
class Parse {
  readonly parts: DateParts = {};
  bc = false;
  comp: boolean;

  constructor(
    public text: string,
    comp: boolean,
  ) {
    this.comp = comp;
  }

  /** `subx`: on a match, replace it with one space and hand it to `take`. */
  sub(pattern: RegExp, take: (m: RegExpExecArray) => void): boolean {
    const m = pattern.exec(this.text);
    if (!m) return false;
    this.text = `${this.text.slice(0, m.index)} ${this.text.slice(m.index + m[0].length)}`;
    take(m);
    return true;
  }

  /** `check_class`: which kinds of character the text left holds (C's ASCII classes). */
  has(...kinds: ('alpha' | 'digit' | '-' | '.' | '/')[]): boolean {
    return kinds.every((kind) => {
      if (kind === 'alpha') return /[A-Za-z]/.test(this.text);
      if (kind === 'digit') return /[0-9]/.test(this.text);
      return this.text.includes(kind);
    });
  }

  /** `s3e`: sort three captured fields into year, month and day as date_parse.c does. */
  s3e(year: string | undefined, month: string | number, day: string | undefined, bc = false): void {
    let y = year;
    let m: string | undefined = String(month);
    let d = day;
    if (y !== undefined && m !== undefined && d === undefined) [y, m, d] = [undefined, y, m];
    if (y === undefined) {
      if (d !== undefined && d.length > 2) [y, d] = [d, undefined];
      if (d?.startsWith("'")) [y, d] = [d, undefined];
    }
    if (y !== undefined) {
      // A year followed by more than digits ("5th") is a day: the year moves to the day's place.
      const start = /[-+\d]/.exec(y);
      if (start) {
        const rest = y.slice(start.index);
        const number = /^[-+]?\d*/.exec(rest)![0];
        if (number.length < rest.length) [y, d] = [d, number];
      }
    }
    if (m !== undefined && (m.startsWith("'") || m.length > 2)) [y, m, d] = [m, d, y];
    if (d !== undefined && (d.startsWith("'") || d.length > 2)) [y, d] = [d, y];
    let comp: boolean | undefined;
    if (y !== undefined) {
      const at = /[-+\d]/.exec(y);
      if (at) {
        const number = /^([-+]?)(\d*)/.exec(y.slice(at.index))!;
        if (number[1] || number[2].length > 2) comp = false;
        this.parts.year = toI(number[0]);
      }
    }
    if (bc) this.bc = true;
    if (m !== undefined) {
      const digits = /\d+/.exec(m);
      if (digits) this.parts.mon = toI(digits[0]);
    }
    if (d !== undefined) {
      const digits = /\d+/.exec(d);
      if (digits) this.parts.mday = toI(digits[0]);
    }
    if (comp !== undefined) this.comp = comp;
  }
}

const isBc = (era: string | undefined) => era !== undefined && /^b/i.test(era);
const fraction = (digits: string) => toI(digits) / 10 ** digits.length;

function parseTime(p: Parse): void {
  p.sub(patterns().time, (m) => {
    if (m[2] !== undefined) p.parts.zone = m[2];
    const t = patterns().timeParts.exec(m[1]);
    if (!t) return;
    let hour = toI(t[1]);
    if (t[5] !== undefined) hour = (hour % 12) + (/p/i.test(t[5]) ? 12 : 0);
    p.parts.hour = hour;
    if (t[2] !== undefined) p.parts.min = toI(t[2]);
    if (t[3] !== undefined) p.parts.sec = toI(t[3]);
    if (t[4] !== undefined) p.parts.secFraction = fraction(t[4]);
  });
}

function parseIso2(p: Parse): boolean {
  const { parts } = p;
  return (
    p.sub(patterns().iso21, (m) => {
      if (m[1] !== undefined) parts.cwyear = toI(m[1]);
      parts.cweek = toI(m[2]);
      if (m[3] !== undefined) parts.cwday = toI(m[3]);
    }) ||
    p.sub(patterns().iso22, (m) => {
      parts.cwday = toI(m[1]);
    }) ||
    p.sub(patterns().iso23, (m) => {
      if (m[1] !== undefined) parts.mon = toI(m[1]);
      parts.mday = toI(m[2]);
    }) ||
    p.sub(patterns().iso24, (m) => {
      parts.mon = toI(m[1]);
      if (m[2] !== undefined) parts.mday = toI(m[2]);
    }) ||
    (!patterns().iso25Not.test(p.text) &&
      p.sub(patterns().iso25, (m) => {
        parts.year = toI(m[1]);
        parts.yday = toI(m[2]);
      })) ||
    (!patterns().iso26Not.test(p.text) &&
      p.sub(patterns().iso26, (m) => {
        parts.yday = toI(m[1]);
      }))
  );
}

/** `parse_ddd`: runs of digits such as `20200105`, `20200105T1030`, `103000Z`. */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: date_parse.c's parse_ddd_cb, ported whole to read against it
function parseDdd(p: Parse): boolean {
  const { parts } = p;
  // biome-ignore lint/complexity/noExcessiveLinesPerFunction: date_parse.c's parse_ddd_cb, ported whole to read against it
  return p.sub(patterns().ddd, (m) => {
    const [, sign, s2, s3, s4, s5] = m;
    const n = (from: number, width: number) => toI(s2.slice(from, from + width));
    const signed = (y: number) => (sign === '-' ? -y : y);
    const l2 = s2.length;
    const timeOnly = s3 === undefined && s4 !== undefined;
    switch (l2) {
      case 2:
        if (timeOnly) parts.sec = n(0, 2);
        else parts.mday = n(0, 2);
        break;
      case 4:
        if (timeOnly) {
          parts.sec = n(2, 2);
          parts.min = n(0, 2);
        } else {
          parts.mon = n(0, 2);
          parts.mday = n(2, 2);
        }
        break;
      case 6:
        if (timeOnly) {
          parts.sec = n(4, 2);
          parts.min = n(2, 2);
          parts.hour = n(0, 2);
        } else {
          parts.year = signed(n(0, 2));
          parts.mon = n(2, 2);
          parts.mday = n(4, 2);
        }
        break;
      case 8:
      case 10:
      case 12:
      case 14:
        if (timeOnly) {
          parts.sec = n(l2 - 2, 2);
          parts.min = n(l2 - 4, 2);
          parts.hour = n(l2 - 6, 2);
          parts.mday = n(l2 - 8, 2);
          if (l2 >= 10) parts.mon = n(l2 - 10, 2);
          if (l2 === 12) parts.year = signed(n(0, 2));
          if (l2 === 14) {
            parts.year = signed(n(0, 4));
            p.comp = false;
          }
        } else {
          parts.year = signed(n(0, 4));
          parts.mon = n(4, 2);
          parts.mday = n(6, 2);
          if (l2 >= 10) parts.hour = n(8, 2);
          if (l2 >= 12) parts.min = n(10, 2);
          if (l2 >= 14) parts.sec = n(12, 2);
          p.comp = false;
        }
        break;
      case 3:
        if (timeOnly) {
          parts.sec = n(1, 2);
          parts.min = n(0, 1);
        } else parts.yday = n(0, 3);
        break;
      case 5:
        if (timeOnly) {
          parts.sec = n(3, 2);
          parts.min = n(1, 2);
          parts.hour = n(0, 1);
        } else {
          parts.year = signed(n(0, 2));
          parts.yday = n(2, 3);
        }
        break;
      case 7:
        if (timeOnly) {
          parts.sec = n(5, 2);
          parts.min = n(3, 2);
          parts.hour = n(1, 2);
          parts.mday = n(0, 1);
        } else {
          parts.year = signed(n(0, 4));
          parts.yday = n(4, 3);
        }
        break;
    }
    if (s3 !== undefined && [2, 4, 6].includes(s3.length)) {
      const t = (from: number) => toI(s3.slice(from, from + 2));
      const l3 = s3.length;
      if (s4 !== undefined) {
        parts.sec = t(l3 - 2);
        if (l3 >= 4) parts.min = t(l3 - 4);
        if (l3 >= 6) parts.hour = t(l3 - 6);
      } else {
        parts.hour = t(0);
        if (l3 >= 4) parts.min = t(2);
        if (l3 >= 6) parts.sec = t(4);
      }
    }
    if (s4 !== undefined) parts.secFraction = fraction(s4);
    if (s5 !== undefined) {
      parts.zone = s5;
      if (s5.startsWith('[')) {
        const inner = s5.slice(1, -1);
        const colon = inner.indexOf(':');
        parts.zone = colon >= 0 ? inner.slice(colon + 1) : inner;
      }
    }
  });
}

/** The date sub-parsers in date_parse.c's order, each tried only when the text left could hold it. */
function findDate(p: Parse): boolean {
  const { parts } = p;
  return (
    (p.has('alpha', 'digit') &&
      (p.sub(patterns().eu, (m) => p.s3e(m[4], monthNumber(m[2]), m[1], isBc(m[3]))) ||
        p.sub(patterns().us, (m) => p.s3e(m[4], monthNumber(m[1]), m[2], isBc(m[3]))))) ||
    (p.has('digit', '-') && p.sub(patterns().iso, (m) => p.s3e(m[1], m[2], m[3]))) ||
    (p.has('digit', '.') &&
      p.sub(patterns().jis, (m) => {
        parts.year = toI(m[2]) + ERA_START[m[1].toLowerCase()];
        parts.mon = toI(m[3]);
        parts.mday = toI(m[4]);
      })) ||
    (p.has('alpha', 'digit', '-') &&
      (p.sub(patterns().vms11, (m) => p.s3e(m[3], monthNumber(m[2]), m[1])) ||
        p.sub(patterns().vms12, (m) => p.s3e(m[3], monthNumber(m[1]), m[2])))) ||
    (p.has('digit', '/') && p.sub(patterns().sla, (m) => p.s3e(m[1], m[2], m[3]))) ||
    (p.has('digit', '.') && p.sub(patterns().dot, (m) => p.s3e(m[1], m[2], m[3]))) ||
    (p.has('digit') && parseIso2(p)) ||
    (p.has('digit') && p.sub(patterns().year, (m) => (parts.year = toI(m[1])))) ||
    (p.has('alpha') && p.sub(patterns().mon, (m) => (parts.mon = monthNumber(m[1])))) ||
    (p.has('digit') && p.sub(patterns().mday, (m) => (parts.mday = toI(m[1])))) ||
    (p.has('digit') && parseDdd(p))
  );
}

/** `Date._parse(string, comp)`: the parts of a date and time found in free text. */
export function dateParse(input: string, comp = true): DateParts {
  // What parse_iso alone finds in it (no other sub-parser sees a word, a time or a fragment).
  const plain = PLAIN_DATE.exec(input);
  if (plain) return { year: Number(plain[1]), mon: Number(plain[2]), mday: Number(plain[3]) };
  const length = Buffer.byteLength(input);
  if (length > 128) throw new RubyArgumentError(`string length (${length}) exceeds the limit 128`);
  const p = new Parse(input.replace(patterns().junk, ' '), comp);
  const { parts } = p;

  if (p.has('alpha')) p.sub(patterns().day, (m) => (parts.wday = dayNumber(m[1])));
  if (p.has('digit')) parseTime(p);

  // The first sub-parser that finds a date wins (date_parse.c's `goto ok`).
  findDate(p);

  if (p.has('alpha')) p.sub(patterns().bc, () => (p.bc = true));
  if (p.has('digit')) {
    p.sub(patterns().frag, (m) => {
      const n = toI(m[1]);
      if (parts.hour !== undefined && parts.mday === undefined && n >= 1 && n <= 31) parts.mday = n;
      if (parts.mday !== undefined && parts.hour === undefined && n >= 0 && n <= 24) parts.hour = n;
    });
  }

  if (p.bc) {
    if (parts.cwyear !== undefined) parts.cwyear = -parts.cwyear + 1;
    if (parts.year !== undefined) parts.year = -parts.year + 1;
  }
  if (p.comp) {
    // Two-digit years: 69–99 are 1900s, 00–68 are 2000s.
    const century = (y: number) => (y >= 0 && y <= 99 ? y + (y >= 69 ? 1900 : 2000) : y);
    if (parts.cwyear !== undefined) parts.cwyear = century(parts.cwyear);
    if (parts.year !== undefined) parts.year = century(parts.year);
  }
  return parts;
}

/** JIS X 0301 eras: the year before each one's first. */
const ERA_START: Record<string, number> = { m: 1867, t: 1911, s: 1925, h: 1988, r: 2018 };

/** time.rb's `ZoneOffset`, in hours: the only names `Time.parse` knows besides the local zone's. */
const ZONE_HOURS: Record<string, number> = {
  UTC: 0,
  Z: 0,
  UT: 0,
  GMT: 0,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
  ...Object.fromEntries([...'ABCDEFGHIKLM'].map((letter, i) => [letter, i + 1])),
  ...Object.fromEntries([...'NOPQRSTUVWXY'].map((letter, i) => [letter, -(i + 1)])),
};

/**
 * time.rb's `zone_offset`, in seconds east of UTC, or undefined for a zone it does not know
 * (then the time is local). Ruby also accepts the local zone's own abbreviation (`CET` where
 * TZ is Europe/Berlin); JavaScript cannot name it reliably, so such a zone reads as local time,
 * which is what it means anyway.
 */
function zoneOffset(zone: string): number | undefined {
  const upper = zone.toUpperCase();
  const full = /^([+-])(\d\d)(:?)(\d\d)(?:\3(\d\d))?$/.exec(upper);
  if (full) {
    const seconds = (toI(full[2]) * 60 + toI(full[4])) * 60 + toI(full[5] ?? '0');
    return full[1] === '-' ? -seconds : seconds;
  }
  if (/^[+-]\d\d$/.test(upper)) return toI(upper) * 3600;
  const hours = ZONE_HOURS[upper];
  return hours === undefined ? undefined : hours * 3600;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthDays = (y: number, m: number): number | undefined =>
  m >= 1 && m <= 12
    ? [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    : m <= 0
      ? 31
      : undefined;
const divmod = (a: number, b: number): [number, number] => [Math.floor(a / b), a - Math.floor(a / b) * b];

interface Fields {
  year: number;
  mon: number;
  day: number;
  hour: number;
  min: number;
  sec: number;
  /** Microseconds, possibly fractional. */
  usec: number;
}

/** time.rb's `apply_offset`: local fields at `off` seconds east to UTC fields, its way. */
function applyOffset(f: Fields, offset: number): void {
  let off = Math.abs(offset);
  const step = offset < 0 ? 1 : -1;
  let o: number;
  let carry: number;
  [off, o] = divmod(off, 60);
  if (o !== 0) {
    [carry, f.sec] = divmod(f.sec + step * o, 60);
    off += step * carry;
  }
  [off, o] = divmod(off, 60);
  if (o !== 0) {
    [carry, f.min] = divmod(f.min + step * o, 60);
    off += step * carry;
  }
  [off, o] = divmod(off, 24);
  if (o !== 0) {
    [carry, f.hour] = divmod(f.hour + step * o, 24);
    off += step * carry;
  }
  if (off === 0) return;
  f.day += step * off;
  if (step > 0) {
    const days = monthDays(f.year, f.mon);
    if (days !== undefined && days < f.day) {
      f.mon += 1;
      if (f.mon > 12) {
        f.mon = 1;
        f.year += 1;
      }
      f.day = 1;
    }
  } else if (f.day < 1) {
    f.mon -= 1;
    if (f.mon < 1) {
      f.year -= 1;
      f.mon = 12;
    }
    f.day = monthDays(f.year, f.mon) ?? f.day;
  }
}

/** `Time.utc` / `Time.local`'s checks of the fields (time.c: bit widths, then ranges), with Ruby's messages. */
function checkFields(f: Fields): void {
  const fail = (message: string) => {
    throw new RubyArgumentError(message);
  };
  const widths: [number, number][] = [
    [f.mon, 4],
    [f.day, 5],
    [f.hour, 5],
    [f.min, 6],
    [f.sec, 6],
  ];
  if (widths.some(([value, bits]) => value < 0 || value >= 2 ** bits)) fail('argument out of range');
  if (f.mon < 1 || f.mon > 12) fail('mon out of range');
  if (f.day < 1) fail('mday out of range');
  if (f.hour > 24) fail('hour out of range');
  if (f.min > 59 || (f.hour === 24 && f.min > 0)) fail('min out of range');
  if (f.sec > 60 || (f.hour === 24 && f.sec > 0)) fail('sec out of range');
}

/** The instant of fields read in UTC (`utc`) or local time; a day past the month's end carries. */
function instant(f: Fields, utc: boolean): number {
  const date = new Date(0);
  const ms = Math.floor(f.usec / 1000);
  if (utc) {
    date.setUTCFullYear(f.year, f.mon - 1, f.day);
    date.setUTCHours(f.hour, f.min, f.sec, ms);
  } else {
    date.setFullYear(f.year, f.mon - 1, f.day);
    date.setHours(f.hour, f.min, f.sec, ms);
    // A wall time that happens twice (the hour DST ends): Ruby takes the later one, JavaScript the first.
    const later = new Date(date.getTime() + 3_600_000);
    if (later.getHours() === date.getHours() && later.getMinutes() === date.getMinutes())
      return later.getTime();
  }
  // Ruby's Time reaches any year; JavaScript's Date stops at ±275,760.
  if (Number.isNaN(date.getTime())) throw new RubyArgumentError('year out of range');
  return date.getTime();
}

/**
 * `Time.parse(input, now)`: the instant `input` names, its missing leading parts taken from
 * `now` (a time alone is today's), a zone time.rb knows applied, else local time. Throws
 * RubyArgumentError where Ruby raises ArgumentError.
 */
export function timeParse(input: string, now: Date = new Date()): ParsedTime {
  const d = dateParse(input);
  const { year, yday, mon, mday, hour, min, sec, secFraction, zone } = d;
  return makeTime(input, { year, yday, mon, day: mday, hour, min, sec, secFraction }, zone, now);
}

/**
 * A time as `Time.parse` returns it: the instant, and the zone the Time object keeps, which
 * `strftime` and `to_s` print in: `local`, `utc` (`Z`, `UTC`, `UT`, `-0000`), or a fixed offset
 * in seconds east of UTC (a zone it knows that is not the local one's offset at that instant).
 */
export interface ParsedTime {
  time: Date;
  zone: 'local' | 'utc' | number;
}

interface Found {
  year?: number;
  yday?: number;
  mon?: number;
  day?: number;
  hour?: number;
  min?: number;
  sec?: number;
  secFraction?: number;
}

/** time.rb's `make_time`. */
function makeTime(input: string, found: Found, zone: string | undefined, now: Date): ParsedTime {
  const { yday } = found;
  if (Object.values(found).every((v) => v === undefined))
    throw new RubyArgumentError(`no time information in ${JSON.stringify(input)}`);
  const off = zone === undefined ? undefined : zoneOffset(zone);
  if (off !== undefined && Math.abs(off) >= 86_400) throw new RubyArgumentError('utc_offset out of range');

  if (yday !== undefined) {
    if (yday < 1 || yday > 366) throw new RubyArgumentError(`yday ${yday} out of range`);
    const offYear = found.year ?? now.getFullYear();
    let [mon, day] = divmod(yday - 1, 31);
    mon += 1;
    day += 1;
    const t = makeTime(input, { ...found, yday: undefined, mon, day }, zone, now);
    const diff = yday - dayOfYear(t.time, off);
    if (diff === 0) return t;
    day += diff;
    const days = monthDays(offYear, mon) ?? 31;
    if (day > 28 && day > days) {
      mon += 1;
      if (mon > 12) throw new RubyArgumentError(`yday ${yday} out of range`);
      day -= days;
    }
    return makeTime(input, { ...found, yday: undefined, mon, day }, zone, now);
  }

  // "now" as Ruby sees it: in the zone's offset when there is one, else local.
  const nowFields = (): Fields => {
    const at = off === undefined ? now : new Date(now.getTime() + off * 1000);
    const get = off === undefined ? localFields : utcFields;
    return get(at);
  };
  let { year, mon, day, hour, min, sec } = found;
  let usec = found.secFraction === undefined ? undefined : found.secFraction * 1_000_000;
  // Fill from "now" up to the first part the text gave, and no further (and read "now" only then).
  if (year === undefined) {
    const n = nowFields();
    year = n.year;
    if (mon === undefined) {
      mon = n.mon;
      if (day === undefined) {
        day = n.day;
        if (hour === undefined) {
          hour = n.hour;
          if (min === undefined) {
            min = n.min;
            if (sec === undefined) {
              sec = n.sec;
              if (found.secFraction === undefined) usec = n.usec;
            }
          }
        }
      }
    }
  }
  const fields: Fields = {
    year,
    mon: mon ?? 1,
    day: day ?? 1,
    hour: hour ?? 0,
    min: min ?? 0,
    sec: sec ?? 0,
    usec: usec ?? 0,
  };
  if (off === undefined) {
    checkFields(fields);
    return { time: new Date(instant(fields, false)), zone: 'local' };
  }
  applyOffset(fields, off);
  checkFields(fields);
  const time = new Date(instant(fields, true));
  // time.rb's `force_zone!`: UTC for the UTC names, else the local zone when it has that offset.
  if (zone !== undefined && /^(?:-00:00|-0000|-00|UTC|Z|UT)$/i.test(zone)) return { time, zone: 'utc' };
  return { time, zone: -time.getTimezoneOffset() * 60 === off ? 'local' : off };
}

function localFields(d: Date): Fields {
  return {
    year: d.getFullYear(),
    mon: d.getMonth() + 1,
    day: d.getDate(),
    hour: d.getHours(),
    min: d.getMinutes(),
    sec: d.getSeconds(),
    usec: d.getMilliseconds() * 1000,
  };
}

function utcFields(d: Date): Fields {
  return {
    year: d.getUTCFullYear(),
    mon: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    min: d.getUTCMinutes(),
    sec: d.getUTCSeconds(),
    usec: d.getUTCMilliseconds() * 1000,
  };
}

/** `Time#yday` of `t` as shown in its zone (`off` seconds east, else local). */
function dayOfYear(t: Date, off: number | undefined): number {
  const f = off === undefined ? localFields(t) : utcFields(new Date(t.getTime() + off * 1000));
  const start = new Date(0);
  start.setUTCFullYear(f.year, 0, 1);
  const day = new Date(0);
  day.setUTCFullYear(f.year, f.mon - 1, f.day);
  return Math.round((day.getTime() - start.getTime()) / 86_400_000) + 1;
}
