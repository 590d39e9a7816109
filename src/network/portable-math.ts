/**
 * exp and log built from + − × ÷ alone, which IEEE 754 rounds identically in every JavaScript
 * engine, unlike Math.exp and Math.log, whose last bit may differ between engines: the normal
 * sampler uses these so that a seed gives the same noise, bit for bit, in Node and in any browser.
 */

const LN2 = 0.6931471805599453;
const SQRT_HALF = 0.7071067811865476;
/** Terms of the Taylor series of e^w used for |w| ≤ ln2/2: the next one is below 1e-18. */
const EXP_TERMS = 16;

/** 1/n! for n = 0 … EXP_TERMS, each from the previous by one division (exact to the last bit). */
export const INVERSE_FACTORIALS = new Float64Array(EXP_TERMS + 1);
INVERSE_FACTORIALS[0] = 1;
for (let n = 1; n <= EXP_TERMS; n++) {
  INVERSE_FACTORIALS[n] = (INVERSE_FACTORIALS[n - 1] as number) / n;
}

/** 1/k for the odd k of the atanh series, 1 … 27. */
export const INVERSE_ODD = new Float64Array(14);
for (let m = 0; m < 14; m++) INVERSE_ODD[m] = 1 / (2 * m + 1);

/** ln(x) for a finite x > 0, accurate to a few units in the last place. */
export function portableLog(x: number): number {
  // x = m·2^e with m in [√½, √2); scaling by 2 is exact.
  let m = x;
  let e = 0;
  while (m >= 2 * SQRT_HALF) {
    m *= 0.5;
    e += 1;
  }
  while (m < SQRT_HALF) {
    m *= 2;
    e -= 1;
  }
  // ln m = 2·atanh(s) with |s| ≤ 0.172, 14 terms of its series (Horner): the next is below 1e-22.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let sum = INVERSE_ODD[13] as number;
  for (let m = 12; m >= 0; m--) sum = sum * s2 + (INVERSE_ODD[m] as number);
  return e * LN2 + 2 * s * sum;
}

/** e^x for a finite x in [−700, 700], accurate to a few units in the last place. */
export function portableExp(x: number): number {
  // x = k·ln2 + w with |w| ≤ ln2/2; e^w by its Taylor series (Horner), then exact scaling by 2^k.
  const k = Math.round(x / LN2);
  const w = x - k * LN2;
  let sum = INVERSE_FACTORIALS[EXP_TERMS] as number;
  for (let n = EXP_TERMS - 1; n >= 0; n--) sum = sum * w + (INVERSE_FACTORIALS[n] as number);
  let scale = k >= 0 ? 2 : 0.5;
  let power = Math.abs(k);
  let result = sum;
  while (power > 0) {
    if (power & 1) result *= scale;
    scale *= scale;
    power >>>= 1;
  }
  return result;
}
