/**
 * Ruby's view of values that templates print: `inspect` (`{"a"=>1, "b"=>[1, 2]}`), and hashes
 * read from YAML carry it as their `toString`, since Liquid filters call `to_s` on whatever
 * they get (`{{ tag | downcase }}` on a hash downcases its inspect form).
 */
export function rubyInspect(value: unknown): string {
  if (value == null) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(rubyInspect).join(', ')}]`;
  if (value instanceof Date) return value.toString();
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
