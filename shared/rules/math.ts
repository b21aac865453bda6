/**
 * Rounds half away from zero to `decimals` places, on the decimal value the
 * number was written as: a plain Math.round(x * 100) / 100 turns 1.005 into
 * 1 because 1.005 * 100 is 100.49999999999999 in binary.
 */
/** A number that is neither NaN nor ±Infinity; anything else (null, a string) is not one either. */
export function isFiniteNumber(v: unknown): v is number {
  return Number.isFinite(v);
}

export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer 0..20: ${decimals}`);
  }
  // Stryker disable next-line EqualityOperator: at 0 the sign multiplies a rounded 0, which is returned as 0 anyway
  const sign = x < 0 ? -1 : 1;
  const shifted = shiftExponent(Math.abs(x), decimals);
  const rounded = shiftExponent(Math.round(shifted), -decimals);
  // Normalise -0 to 0 so '-0' can never be printed.
  return rounded === 0 ? 0 : sign * rounded;
}

// Moves the decimal point by editing the exponent of the shortest decimal
// representation, which is exact where multiplying by 10^n is not.
function shiftExponent(x: number, by: number): number {
  const [mantissa, exp] = x.toExponential().split('e');
  return Number(`${mantissa}e${Number(exp) + by}`);
}
