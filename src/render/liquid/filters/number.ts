/**
 * Liquid's arithmetic as Ruby does it: integers stay integers (`10 | divided_by: 4` is 2), and
 * a float on either side makes a float, printed the Ruby way (`2 | plus: 2.0` is `4.0`). Liquid
 * turns floats into BigDecimals first (`Utils.to_number`), so `0.1 | plus: 0.2` is exactly 0.3.
 */
import { RubyFloat } from '../../../ruby/values.ts';

interface Operand {
  value: number;
  float: boolean;
}

/** `Liquid::Utils.to_number`: strings with a dot are floats, other strings integers. */
function operand(input: unknown): Operand {
  if (input instanceof RubyFloat) return { value: input.value, float: true };
  if (typeof input === 'number') return { value: input, float: !Number.isInteger(input) };
  const text = String(input ?? '').trim();
  if (/^-?\d+\.\d+$/.test(text)) return { value: Number.parseFloat(text), float: true };
  const integer = /^-?\d+/.exec(text);
  return { value: integer ? Number.parseInt(integer[0], 10) : 0, float: false };
}

function result(value: number, float: boolean): number | RubyFloat {
  return float ? new RubyFloat(value) : value;
}

/** A float as the BigDecimal of its printed form (`BigDecimal(obj.to_s)`): digits × 10^-scale. */
interface Decimal {
  digits: bigint;
  scale: number;
}

function decimal(value: number): Decimal {
  const [mantissa, exponent = '0'] = String(value).toLowerCase().split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole + fraction);
  return scale < 0 ? { digits: digits * 10n ** BigInt(-scale), scale: 0 } : { digits, scale };
}

const toFloat = ({ digits, scale }: Decimal) => Number(`${digits}e-${scale}`);

/** Both at the larger scale, so their digits line up. */
function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.digits * 10n ** BigInt(scale - a.scale), b.digits * 10n ** BigInt(scale - b.scale), scale];
}

/** BigDecimal's `+ - * %` (`%` floored, as Ruby's), read back as a float (`to_f`). */
const DECIMAL: Record<string, (a: Decimal, b: Decimal) => number> = {
  plus: (a, b) => {
    const [x, y, scale] = aligned(a, b);
    return toFloat({ digits: x + y, scale });
  },
  minus: (a, b) => {
    const [x, y, scale] = aligned(a, b);
    return toFloat({ digits: x - y, scale });
  },
  times: (a, b) => toFloat({ digits: a.digits * b.digits, scale: a.scale + b.scale }),
  // BigDecimal's quotient keeps more digits than a double holds (and rounds its last), so
  // reading 40 significant digits back gives the double Ruby's `to_f` gives.
  divided_by: (a, b) => {
    const numerator = a.digits * 10n ** BigInt(b.scale);
    const denominator = b.digits * 10n ** BigInt(a.scale);
    const length = (n: bigint) => (n < 0n ? -n : n).toString().length;
    const scale = 40 + Math.max(0, length(denominator) - length(numerator));
    return toFloat({ digits: (numerator * 10n ** BigInt(scale)) / denominator, scale });
  },
  modulo: (a, b) => {
    const [x, y, scale] = aligned(a, b);
    let m = x % y;
    if (m !== 0n && m < 0n !== y < 0n) m += y;
    return toFloat({ digits: m, scale });
  },
};

function arithmetic(apply: (a: number, b: number, float: boolean) => number, name?: string) {
  return (input: unknown, other: unknown) => {
    const a = operand(input);
    const b = operand(other);
    const float = a.float || b.float;
    const exact = name === undefined ? undefined : DECIMAL[name];
    if (float && exact && Number.isFinite(a.value) && Number.isFinite(b.value)) {
      if ((name === 'modulo' || name === 'divided_by') && b.value === 0) throw new Error('divided by 0');
      return result(exact(decimal(a.value), decimal(b.value)), true);
    }
    return result(apply(a.value, b.value, float), float);
  };
}

export const numberFilters = {
  plus: arithmetic((a, b) => a + b, 'plus'),
  minus: arithmetic((a, b) => a - b, 'minus'),
  times: arithmetic((a, b) => a * b, 'times'),
  divided_by: arithmetic((a, b, float) => {
    if (b === 0) throw new Error('divided by 0');
    return float ? a / b : Math.floor(a / b);
  }, 'divided_by'),
  modulo: arithmetic((a, b, float) => {
    if (b === 0) throw new Error('divided by 0');
    const m = a - b * Math.floor(a / b);
    return float ? m : Math.trunc(m);
  }, 'modulo'),
  /** `BigDecimal#round(n)`: half away from zero on the decimal digits (`1.005 | round: 2` is 1.01). */
  round(input: unknown, digits: unknown = 0) {
    const a = operand(input);
    const places = operand(digits).value;
    let rounded: number;
    if (a.float && Number.isFinite(a.value) && places >= 0) {
      const { digits: d, scale } = decimal(a.value);
      if (scale <= places) rounded = a.value;
      else {
        const unit = 10n ** BigInt(scale - places);
        const magnitude = d < 0n ? -d : d;
        const kept = (magnitude + unit / 2n) / unit;
        rounded = toFloat({ digits: d < 0n ? -kept : kept, scale: places });
      }
    } else {
      const factor = 10 ** places;
      rounded = (Math.sign(a.value) * Math.round(Math.abs(a.value) * factor)) / factor;
    }
    return places > 0 && a.float ? new RubyFloat(rounded) : rounded;
  },
  // These keep the type of the number they return (`3.0 | abs` is 3.0, `3 | at_least: 4.0` 4.0).
  abs: (input: unknown) => {
    const a = operand(input);
    return result(Math.abs(a.value), a.float);
  },
  at_least: (input: unknown, other: unknown) => {
    const a = operand(input);
    const b = operand(other);
    return b.value > a.value ? result(b.value, b.float) : result(a.value, a.float);
  },
  at_most: (input: unknown, other: unknown) => {
    const a = operand(input);
    const b = operand(other);
    return b.value < a.value ? result(b.value, b.float) : result(a.value, a.float);
  },
};
