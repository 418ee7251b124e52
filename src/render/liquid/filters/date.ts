/** Liquid's `date` (Ruby strftime) and Jekyll's date filters. */

import { strftime } from '../../../ruby/strftime.ts';
import { localTime, parseRubyTimeInItsZone, RubyTime, xmlschema } from '../../../ruby/time.ts';
import { rubyInspect } from '../../../ruby/values.ts';
import { timeShown } from '../../../site/build-time.ts';

/**
 * `Liquid::Utils.to_date` (Liquid 4.0.4, as 5.4): a time as it is; `now`/`today`; an Integer or a
 * string of digits as seconds since the epoch; any other string through Ruby's `Time.parse`
 * (`now` fills what it lacks). Floats, arrays, hashes, nil and `''` are no date.
 */
function toDate(value: unknown, now: () => Date = () => new Date()): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return Number.isInteger(value) ? new RubyTime(value * 1000) : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  const text = value.toLowerCase();
  if (text === 'now' || text === 'today') return now();
  if (/^\d+$/.test(text)) return new RubyTime(Number(text) * 1000);
  return parseRubyTimeInItsZone(text, now());
}

/** Each way a date filter shows a time, by the filter's name and its arguments. */
const SHOW: Record<string, (value: Date, ...args: unknown[]) => string> = {
  date: (value, format) => strftime(value, String(format)),
  date_to_xmlschema: (value) => xmlschema(value),
  date_to_rfc822: (value) => strftime(value, '%a, %d %b %Y %H:%M:%S %z'),
  date_to_string: (value, type, style) => stringify(value, '%b', type, style),
  date_to_long_string: (value, type, style) => stringify(value, '%B', type, style),
};

/** What a date filter named in `how` (its name, then its arguments) shows of `value`. */
export function showTime(how: unknown[], value: Date): string | undefined {
  const show = SHOW[String(how[0])];
  return show?.(value, ...how.slice(1));
}

/** `date_to_string` / `date_to_long_string`, with Jekyll's `type` ("ordinal") and `style` ("US"). */
function stringify(value: Date, month: '%b' | '%B', type?: unknown, style?: unknown): string {
  if (type !== 'ordinal') return strftime(value, `%d ${month} %Y`);
  const day = value.getDate();
  const suffix = [11, 12, 13].includes(day % 100)
    ? 'th'
    : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ?? 'th');
  return style === 'US'
    ? strftime(value, `${month} ${day}${suffix}, %Y`)
    : strftime(value, `${day}${suffix} ${month} %Y`);
}

/**
 * The date filters. `now` is the time that `"now"` and `"today"` stand for: the build time as a
 * page renders (so a page showing it is checked like one showing `site.time`).
 */
export function dateFilters(now: () => Date = () => new Date()) {
  const show = (value: Date, how: unknown[]) => timeShown(value, how, (time) => showTime(how, time) ?? '');
  const jekyllTime = (input: unknown): Date | undefined => {
    if (input == null || input === '') return undefined;
    const value = toDate(input, now);
    if (!value) throw new Error(`Invalid Date: '${rubyInspect(input)}' is not a valid datetime.`);
    return localTime(value);
  };
  /** A Jekyll date filter: nil and '' pass through, anything else must be a time. */
  const jekyllFilter =
    (name: string) =>
    (input: unknown, ...args: unknown[]): unknown => {
      const value = jekyllTime(input);
      return value ? show(value, [name, ...args]) : input;
    };
  return {
    date(input: unknown, format?: unknown): unknown {
      if (format == null || String(format) === '') return input;
      const value = toDate(input, now);
      if (!value) return input;
      return show(value, ['date', String(format)]);
    },
    date_to_xmlschema: jekyllFilter('date_to_xmlschema'),
    date_to_rfc822: jekyllFilter('date_to_rfc822'),
    date_to_string: jekyllFilter('date_to_string'),
    date_to_long_string: jekyllFilter('date_to_long_string'),
  };
}
