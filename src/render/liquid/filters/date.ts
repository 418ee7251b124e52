/** Liquid's `date` (Ruby strftime) and Jekyll's date filters. */

import { unwrapFloat } from '../../../site/ruby-values.ts';
import { strftime } from '../../../site/strftime.ts';
import { parseRubyTime, RubyTime, xmlschema } from '../../../site/time.ts';

/** `Liquid::Utils.to_date`: Times, `now`/`today`, epoch numbers, and strings Ruby can parse. */
export function toDate(value: unknown): Date | undefined {
  const input = unwrapFloat(value);
  if (input instanceof Date) return input;
  if (typeof input === 'number') return new Date(input * 1000);
  if (input == null) return undefined;
  const text = String(input).trim();
  if (text === '') return undefined;
  if (/^(now|today)$/i.test(text)) return new Date();
  if (/^\d+$/.test(text)) return new Date(Number(text) * 1000);
  return parseRubyTime(text) ?? parseLoose(text);
}

/** What `Time.parse` also accepts: `March 4, 2021`, `4 Mar 2021 10:00`. */
function parseLoose(text: string): Date | undefined {
  if (!/\d/.test(text)) return undefined;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? undefined : new RubyTime(parsed);
}

export function date(input: unknown, format?: unknown): unknown {
  if (format == null || String(format) === '') return input;
  const value = toDate(input);
  if (!value) return input;
  return strftime(value, String(format));
}

function jekyllTime(input: unknown): Date | undefined {
  if (input == null || input === '') return undefined;
  const value = toDate(input);
  if (!value) throw new Error(`Invalid Date: '${String(input)}' is not a valid datetime.`);
  return value;
}

export function dateToXmlschema(input: unknown): unknown {
  const value = jekyllTime(input);
  return value ? xmlschema(value) : input;
}

export function dateToRfc822(input: unknown): unknown {
  const value = jekyllTime(input);
  return value ? strftime(value, '%a, %d %b %Y %H:%M:%S %z') : input;
}

/** `date_to_string` / `date_to_long_string`, with Jekyll's `type` ("ordinal") and `style` ("US"). */
function stringify(input: unknown, month: '%b' | '%B', type?: unknown, style?: unknown): unknown {
  const value = jekyllTime(input);
  if (!value) return input;
  if (type !== 'ordinal') return strftime(value, `%d ${month} %Y`);
  const day = value.getDate();
  const suffix = [11, 12, 13].includes(day % 100)
    ? 'th'
    : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ?? 'th');
  return style === 'US'
    ? strftime(value, `${month} ${day}${suffix}, %Y`)
    : strftime(value, `${day}${suffix} ${month} %Y`);
}

export const dateFilters = {
  date,
  date_to_xmlschema: dateToXmlschema,
  date_to_rfc822: dateToRfc822,
  date_to_string: (input: unknown, type?: unknown, style?: unknown) => stringify(input, '%b', type, style),
  date_to_long_string: (input: unknown, type?: unknown, style?: unknown) =>
    stringify(input, '%B', type, style),
};
