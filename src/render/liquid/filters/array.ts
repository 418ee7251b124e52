/** Jekyll's array filters (`where`, `sort`, `group_by`…) with Jekyll's exact semantics. */
import { type Context, isTruthy, type Liquid, type Template, toValue, toValueSync, Value } from 'liquidjs';
import { isHash, rubyFloat, unwrapFloat } from '../../../ruby/values.ts';
import { rubyString } from '../ruby-output.ts';

const INTEGER_LIKE = /^\s*-?\d+\s*$/;
const FLOAT_LIKE = /^\s*-?(?:\d+\.?\d*|\.\d+)\s*$/;

/** `parse_sort_input`: numeric-looking strings compare as numbers. */
function parseSortInput(value: unknown): unknown {
  const text = value == null ? '' : String(value);
  if (INTEGER_LIKE.test(text)) return Number.parseInt(text, 10);
  if (FLOAT_LIKE.test(text)) return rubyFloat(Number.parseFloat(text)); // Ruby's to_f: a Float
  return value;
}

/** `item_property`: a dotted path read through drops. */
function itemProperty(item: unknown, property: unknown): unknown {
  let value: unknown = item;
  for (const key of String(property).split('.')) {
    if (value == null || typeof value !== 'object') return undefined;
    value = parseSortInput((value as Record<string, unknown>)[key]);
  }
  return value;
}

function isPlainHash(input: unknown): input is Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const prototype = Object.getPrototypeOf(input);
  return prototype === Object.prototype || prototype === null;
}

/** A document as templates see it (Jekyll's DocumentDrop, which has no `size`). */
const isDocumentDrop = (value: object) => 'collection' in value && 'url' in value && 'next' in value;

function toArray(input: unknown): unknown[] {
  if (Array.isArray(input)) return input;
  if (input == null) return [];
  if (typeof input === 'object') return Object.values(input as object);
  return [input];
}

function matches(property: unknown, target: unknown): boolean {
  if (target == null) return property == null;
  const wanted = String(target);
  if (typeof property === 'string') return property === wanted;
  const values = Array.isArray(property) ? property : [property];
  return values.some((value) => (value == null ? '' : String(value)) === wanted);
}

function compare(first: unknown, second: unknown): number {
  const a = unwrapFloat(first);
  const b = unwrapFloat(second);
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Evaluate a `where_exp`-style condition with `name` bound to each item: parsed once, as the if
 * tag parses its condition, and evaluated as it does (not a whole render per item).
 */
function conditionTester(liquid: Liquid, ctx: Context, name: string, expression: string) {
  const condition = new Value(expression, liquid);
  return (item: unknown) => {
    ctx.push({ [name]: item });
    try {
      return isTruthy(toValue(toValueSync(condition.value(ctx, ctx.opts.lenientIf))), ctx);
    } finally {
      ctx.pop();
    }
  };
}

function expressionValue(liquid: Liquid, ctx: Context, name: string, expression: string) {
  const templates: Template[] = liquid.parse(`{{ ${expression} }}`);
  return (item: unknown) => {
    ctx.push({ [name]: item });
    try {
      return liquid.renderSync(templates, ctx);
    } finally {
      ctx.pop();
    }
  };
}

interface FilterThis {
  liquid: Liquid;
  context: Context;
}

/** Liquid's InputIterator: arrays are flattened, anything else is a one-element list. */
function flattened(input: unknown): unknown[] {
  if (input == null) return [];
  return Array.isArray(input) ? input.flat(Number.POSITIVE_INFINITY) : [input];
}

export const arrayFilters = {
  /** Nested arrays are flattened first: `[[], ["a", "b"]] | join: ","` is `a,b`, not `,a,b`. */
  join(input: unknown, glue: unknown = ' ') {
    return flattened(input)
      .map((item) => rubyString(item))
      .join(glue == null ? '' : String(glue));
  },
  where(input: unknown, property: unknown, value: unknown) {
    if (property == null || Array.isArray(value) || isHash(value)) return input;
    if (input == null || typeof input !== 'object') return input;
    return toArray(input).filter((item) => matches(itemProperty(item, property), value));
  },
  where_exp(this: FilterThis, input: unknown, variable: unknown, expression: unknown) {
    if (input == null || typeof input !== 'object') return input;
    const test = conditionTester(this.liquid, this.context, String(variable), String(expression));
    return toArray(input).filter(test);
  },
  find(input: unknown, property: unknown, value: unknown) {
    if (input == null || typeof input !== 'object' || property == null) return input;
    return toArray(input).find((item) => matches(itemProperty(item, property), value)) ?? null;
  },
  find_exp(this: FilterThis, input: unknown, variable: unknown, expression: unknown) {
    if (input == null || typeof input !== 'object') return input;
    const test = conditionTester(this.liquid, this.context, String(variable), String(expression));
    return toArray(input).find(test) ?? null;
  },
  group_by(input: unknown, property: unknown) {
    if (input == null || typeof input !== 'object') return input;
    return groups(toArray(input), (item) => {
      const value = itemProperty(item, property);
      return value == null ? '' : Array.isArray(value) ? value.join('') : String(value);
    });
  },
  group_by_exp(this: FilterThis, input: unknown, variable: unknown, expression: unknown) {
    if (input == null || typeof input !== 'object') return input;
    const key = expressionValue(this.liquid, this.context, String(variable), String(expression));
    return groups(toArray(input), key);
  },
  sort(input: unknown, property?: unknown, nils: unknown = 'first') {
    if (input == null) throw new Error('Cannot sort a null object.');
    // Ruby's Hash#sort: [key, value] pairs in key order (academicpages' staticman comments).
    if (property == null && isPlainHash(input)) {
      return Object.entries(input).sort(([a], [b]) => compare(a, b));
    }
    const array = [...toArray(input)];
    if (property == null) return array.sort(compare);
    if (nils !== 'first' && nils !== 'last') {
      throw new Error(
        `Invalid nils order: '${String(nils)}' is not a valid nils order. It must be 'first' or 'last'.`,
      );
    }
    const order = nils === 'first' ? -1 : 1;
    return array
      .map((item, index) => ({ item, index, value: itemProperty(item, property) }))
      .sort((a, b) => {
        if (a.value == null && b.value != null) return order;
        if (a.value != null && b.value == null) return -order;
        return (a.value == null ? 0 : compare(a.value, b.value)) || a.index - b.index;
      })
      .map((entry) => entry.item);
  },
  /**
   * Liquid's `size`: `input.size` where Ruby has one. Text counts characters (an emoji is one),
   * a hash its keys, an Integer its bytes (8); a float, a time, true/false, nil or a document is 0.
   */
  size(input: unknown): number {
    if (typeof input === 'string') return [...input].length;
    if (Array.isArray(input)) return input.length;
    if (typeof input === 'number') return Number.isInteger(input) ? 8 : 0;
    if (!isHash(input) || isDocumentDrop(input)) return 0;
    return Object.keys(input).length;
  },
  push: (input: unknown, value: unknown) => (Array.isArray(input) ? [...input, value] : input),
  pop: (input: unknown, count: unknown = 1) =>
    Array.isArray(input) ? input.slice(0, Math.max(0, input.length - Number(count))) : input,
  shift: (input: unknown, count: unknown = 1) => (Array.isArray(input) ? input.slice(Number(count)) : input),
  unshift: (input: unknown, value: unknown) => (Array.isArray(input) ? [value, ...input] : input),
  sample(input: unknown, count: unknown = 1) {
    if (!Array.isArray(input)) return input;
    const n = Number(count);
    const shuffled = [...input].sort(() => Math.random() - 0.5);
    return n === 1 ? shuffled[0] : shuffled.slice(0, n);
  },
};

function groups(items: unknown[], keyOf: (item: unknown) => string) {
  const map = new Map<string, unknown[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return [...map].map(([name, list]) => ({ name, items: list, size: list.length }));
}
