/**
 * The YAML schema of Ruby's Psych, for the `yaml` package: YAML 1.1 booleans, Psych's floats and
 * timestamps (as Ruby values), merge keys, duplicate keys allowed. Shared by the full parser
 * (`yaml.ts`) and its fast path (`yaml-fast.ts`).
 */
import type { ScalarTag, Tags } from 'yaml';
import { RubyTime } from '../ruby/time.ts';
import { rubyFloat } from '../ruby/values.ts';

// Psych's ScalarScanner: case-insensitive, and no `y`/`n` (unlike the YAML 1.1 spec).
const psychBool: ScalarTag = {
  tag: 'tag:yaml.org,2002:bool',
  default: true,
  test: /^(?:yes|true|on|no|false|off)$/i,
  resolve: (source: string) => /^(?:yes|true|on)$/i.test(source),
};

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const TIME =
  /^(-?\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|\s+)(\d{1,2}):(\d\d):(\d\d)(?:\.(\d*))?\s*(Z|[-+]\d{1,2}(?::?\d\d)?)?$/;

// A Date without time is a Ruby Date (local midnight); a time without a zone is read as UTC,
// as Psych's `parse_time` does (`Time.at(Time.utc(...))`).
const psychTimestamp: ScalarTag = {
  tag: 'tag:yaml.org,2002:timestamp',
  default: true,
  test: /^(?:\d{4}-\d{1,2}-\d{1,2}|-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?\s*(?:Z|[-+]\d{1,2}(?::?\d\d)?)?)$/,
  resolve(source: string) {
    const date = DATE.exec(source);
    if (date) return new RubyTime(new Date(+date[1], +date[2] - 1, +date[3]), true);
    const m = TIME.exec(source)!;
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    const utc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], ms);
    // Psych keeps the zone written: `Z` is a UTC time, an offset a fixed-offset time (printed so).
    if (m[8] === 'Z') return new RubyTime(utc, false, 'utc');
    if (!m[8]) return new RubyTime(utc);
    const [, sign, hours, minutes] = /^([-+])(\d{1,2}):?(\d\d)?$/.exec(m[8])!;
    const offset = (sign === '-' ? -1 : 1) * (+hours * 3600 + +(minutes ?? 0) * 60);
    return new RubyTime(utc - offset * 1000, false, offset);
  },
};

// Psych's FLOAT: a dot is needed and an exponent has a sign (`1e3` is the string "1e3", `1.0e+3`
// a float); `,` and `_` may group digits. `.inf`, `.nan` in any case. A float that JavaScript
// would print as an integer is a RubyFloat, so `4.0` prints as `4.0` (see rubyFloat).
const psychFloat: ScalarTag = {
  tag: 'tag:yaml.org,2002:float',
  default: true,
  test: /^(?:[-+]?(?=[0-9,_]*\.[0-9]|[0-9])(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?|[-+]?\.inf|\.nan)$/i,
  resolve(source: string) {
    if (/^[-+]?\.inf$/i.test(source)) return source.startsWith('-') ? -Infinity : Infinity;
    if (/^\.nan$/i.test(source)) return Number.NaN;
    const value = Number.parseFloat(source.replace(/[,_]/g, '').replace(/\.(?=[eE]|$)/, ''));
    return rubyFloat(value);
  },
};

function psychTags(tags: Tags): Tags {
  const kept = tags.filter((tag) => {
    if (typeof tag === 'string') return true;
    if (tag.tag === 'tag:yaml.org,2002:float') return tag.format === 'TIME'; // `1:20.5` stays
    return tag.tag !== 'tag:yaml.org,2002:bool' && tag.tag !== 'tag:yaml.org,2002:timestamp';
  });
  return [psychBool, psychTimestamp, psychFloat, ...kept];
}

export const YAML_OPTIONS = {
  version: '1.1',
  customTags: psychTags,
  uniqueKeys: false,
  merge: true,
  prettyErrors: false,
  // Not a word on stderr for a key that is a list (`[//]: # note`): JavaScript makes it a string.
  logLevel: 'error',
} as const;
