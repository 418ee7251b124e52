/** Liquid's arithmetic where Ruby differs: integer division when both sides are integers. */
function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  const parsed = Number(String(value ?? '').trim());
  return Number.isNaN(parsed) ? 0 : parsed;
}

export const numberFilters = {
  divided_by(input: unknown, divisor: unknown) {
    const a = toNumber(input);
    const b = toNumber(divisor);
    if (b === 0) throw new Error('divided by 0');
    return Number.isInteger(a) && Number.isInteger(b) && !String(divisor).includes('.')
      ? Math.floor(a / b)
      : a / b;
  },
  modulo(input: unknown, divisor: unknown) {
    const a = toNumber(input);
    const b = toNumber(divisor);
    if (b === 0) throw new Error('divided by 0');
    return ((a % b) + b) % b;
  },
  round(input: unknown, digits: unknown = 0) {
    const factor = 10 ** toNumber(digits);
    const value = toNumber(input) * factor;
    return (Math.sign(value) * Math.round(Math.abs(value))) / factor;
  },
};
