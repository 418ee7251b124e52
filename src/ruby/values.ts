import { Drop } from 'liquidjs';

/**
 * A Ruby Float (JavaScript has one kind of number): it compares as its number and prints as Ruby
 * prints floats, `4.0` and `1.0e+21`. Arithmetic makes one of every float result; values read
 * from YAML or a template are one only where a number would print differently (see `rubyFloat`).
 */
export class RubyFloat extends Drop {
  constructor(readonly value: number) {
    super();
  }

  override valueOf(): number {
    return this.value;
  }

  override toString(): string {
    return rubyFloatToS(this.value);
  }

  toLiquidString(): string {
    return this.toString();
  }

  /** The number, for JSON (see `jsonify` for the `.0`). */
  toJSON(): number {
    return this.value;
  }
}

/**
 * Ruby's `Float#to_s`: the shortest digits that read back the same, written out between 1e-4
 * and 1e15 (`0.0001`, `1234.5`, `4.0`), else as `4.26e-05` or `1.0e+15`.
 */
export function rubyFloatToS(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa, exponent] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  // Where the decimal point goes: the value is 0.DIGITS × 10^point.
  const point = Number(exponent) + 1;
  const sign = value < 0 ? '-' : '';
  if (point > 0 && point <= 15)
    return `${sign}${digits.slice(0, point).padEnd(point, '0')}.${digits.slice(point) || '0'}`;
  if (point <= 0 && point > -4) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  const e = point - 1;
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** A Float read from text: a RubyFloat where JavaScript would print it as an integer (`4.0`). */
export function rubyFloat(value: number): number | RubyFloat {
  return Number.isInteger(value) ? new RubyFloat(value) : value;
}

/** A Ruby Hash as the site's data holds them: not an array, a time or a number. */
export function isHash(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof RubyFloat)
  );
}

/** The number inside a RubyFloat; anything else as it is. */
export function unwrapFloat(value: unknown): unknown {
  return value instanceof RubyFloat ? value.value : value;
}

/**
 * Ruby's view of values that templates print: `inspect` (`{"a"=>1, "b"=>[1, 2]}`), and hashes
 * read from YAML carry it as their `toString`, since Liquid filters call `to_s` on whatever
 * they get (`{{ tag | downcase }}` on a hash downcases its inspect form).
 */
export function rubyInspect(value: unknown): string {
  if (value == null) return 'nil';
  if (value instanceof RubyFloat) return value.toString();
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(rubyInspect).join(', ')}]`;
  if (value instanceof Date) return value.toString();
  if (typeof value === 'number' && !Number.isInteger(value)) return rubyFloatToS(value);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, item]) => `${JSON.stringify(key)}=>${rubyInspect(item)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

const RUBY_HASH: object = Object.create(Object.prototype, {
  toString: {
    value(this: object) {
      return rubyInspect(this);
    },
    enumerable: false,
  },
});

/** Give every plain object in a YAML result Ruby's `to_s`, in place. */
export function asRubyValues<T>(value: T): T {
  if (Array.isArray(value)) {
    for (const item of value) asRubyValues(item);
  } else if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    Object.setPrototypeOf(value, RUBY_HASH);
    for (const item of Object.values(value)) asRubyValues(item);
  }
  return value;
}
