import { Drop } from 'liquidjs';
import { rubyFloatToS, rubyInspect } from '../../ruby/values.ts';

export { rubyInspect };

/**
 * How Ruby Liquid prints a value: nil as nothing, arrays joined with no separator, hashes in
 * Ruby's inspect form (`{"a"=>1}`), times with `Time#to_s`.
 */
export function rubyString(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  const liquid = (value as { toLiquidString?: () => string }).toLiquidString;
  if (typeof liquid === 'function') return liquid.call(value);
  if (Array.isArray(value)) return value.map(rubyString).join('');
  if (value instanceof Date) return value.toString();
  if (typeof value === 'object') {
    // liquidjs's nil, empty and blank literals are drops; Ruby prints nil, '' and ''.
    if (value instanceof Drop && value.valueOf() !== value) return rubyString(value.valueOf());
    return rubyInspect(value);
  }
  // A number with a fraction is a Ruby Float (`4.26e-05`, not `0.0000426`).
  if (typeof value === 'number' && !Number.isInteger(value)) return rubyFloatToS(value);
  return String(value);
}
