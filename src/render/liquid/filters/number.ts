/**
 * Liquid's arithmetic as Ruby does it: integers stay integers (`10 | divided_by: 4` is 2), and
 * a float on either side makes a float, printed the Ruby way (`2 | plus: 2.0` is `4.0`).
 */
import { RubyFloat } from '../../../site/ruby-values.ts';

interface Operand {
  value: number;
  float: boolean;
}

/** `Liquid::Utils.to_number`: strings with a dot are floats, other strings integers. */
function operand(input: unknown): Operand {
  if (input instanceof RubyFloat) return { value: input.value, float: true };
  if (typeof input === 'number') return { value: input, float: !Number.isInteger(input) };
  const text = String(input ?? '').trim();
  if (/^-?\d+\.\d+/.test(text)) return { value: Number.parseFloat(text), float: true };
  const integer = /^-?\d+/.exec(text);
  return { value: integer ? Number.parseInt(integer[0], 10) : 0, float: false };
}

function result(value: number, float: boolean): number | RubyFloat {
  return float ? new RubyFloat(value) : value;
}

function arithmetic(apply: (a: number, b: number, float: boolean) => number) {
  return (input: unknown, other: unknown) => {
    const a = operand(input);
    const b = operand(other);
    const float = a.float || b.float;
    return result(apply(a.value, b.value, float), float);
  };
}

export const numberFilters = {
  plus: arithmetic((a, b) => a + b),
  minus: arithmetic((a, b) => a - b),
  times: arithmetic((a, b) => a * b),
  divided_by: arithmetic((a, b, float) => {
    if (b === 0) throw new Error('divided by 0');
    return float ? a / b : Math.floor(a / b);
  }),
  modulo: arithmetic((a, b, float) => {
    if (b === 0) throw new Error('divided by 0');
    const m = a - b * Math.floor(a / b);
    return float ? m : Math.trunc(m);
  }),
  round(input: unknown, digits: unknown = 0) {
    const a = operand(input);
    const places = operand(digits).value;
    const factor = 10 ** places;
    const rounded = (Math.sign(a.value) * Math.round(Math.abs(a.value) * factor)) / factor;
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
