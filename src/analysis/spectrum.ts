/**
 * The power spectrum of a sampled signal (fft.js, with Bluestein's algorithm for lengths that
 * are not powers of two, so that 1000 one-millisecond bins give frequencies of exactly 0, 1, 2 …
 * Hz) and its dominant frequency.
 */
import FFT from 'fft.js';

export interface PowerSpectrum {
  /** Frequencies (Hz): k·fs/L for k = 0 … ⌊L/2⌋. */
  readonly frequency: Float64Array;
  /**
   * One-sided power of the signal minus its mean: a sinusoid of amplitude A at a frequency of
   * the grid gives A²/2 there (in the signal's unit squared).
   */
  readonly power: Float64Array;
}

/** The discrete Fourier transform of a real signal, as interleaved (re, im) pairs, length 2L. */
function fourierTransform(signal: Float64Array): Float64Array {
  const length = signal.length;
  if (length >= 2 && (length & (length - 1)) === 0) {
    const fft = new FFT(length);
    const input = new Float64Array(2 * length);
    for (let k = 0; k < length; k++) input[2 * k] = signal[k] as number;
    const out = new Float64Array(2 * length);
    fft.transform(out, input);
    return out;
  }
  return bluestein(signal);
}

/** Bluestein's chirp-z: a DFT of any length L as a convolution of power-of-two length M ≥ 2L − 1. */
function bluestein(signal: Float64Array): Float64Array {
  const length = signal.length;
  let size = 2;
  while (size < 2 * length - 1) size *= 2;
  const fft = new FFT(size);
  // chirp[n] = e^{iπ n²/L}, n² taken modulo 2L so that the angle stays accurate for long signals.
  const chirpRe = new Float64Array(length);
  const chirpIm = new Float64Array(length);
  for (let n = 0; n < length; n++) {
    const angle = (Math.PI * ((n * n) % (2 * length))) / length;
    chirpRe[n] = Math.cos(angle);
    chirpIm[n] = Math.sin(angle);
  }
  const a = new Float64Array(2 * size);
  const b = new Float64Array(2 * size);
  for (let n = 0; n < length; n++) {
    const x = signal[n] as number;
    a[2 * n] = x * (chirpRe[n] as number);
    a[2 * n + 1] = -x * (chirpIm[n] as number);
    b[2 * n] = chirpRe[n] as number;
    b[2 * n + 1] = chirpIm[n] as number;
    if (n > 0) {
      b[2 * (size - n)] = chirpRe[n] as number;
      b[2 * (size - n) + 1] = chirpIm[n] as number;
    }
  }
  const fa = new Float64Array(2 * size);
  const fb = new Float64Array(2 * size);
  fft.transform(fa, a);
  fft.transform(fb, b);
  for (let k = 0; k < size; k++) {
    const re =
      (fa[2 * k] as number) * (fb[2 * k] as number) -
      (fa[2 * k + 1] as number) * (fb[2 * k + 1] as number);
    const im =
      (fa[2 * k] as number) * (fb[2 * k + 1] as number) +
      (fa[2 * k + 1] as number) * (fb[2 * k] as number);
    fa[2 * k] = re;
    fa[2 * k + 1] = im;
  }
  const conv = new Float64Array(2 * size);
  fft.inverseTransform(conv, fa);
  const out = new Float64Array(2 * length);
  for (let k = 0; k < length; k++) {
    // X_k = conj(chirp[k]) · conv[k]
    const re = conv[2 * k] as number;
    const im = conv[2 * k + 1] as number;
    const cr = chirpRe[k] as number;
    const ci = chirpIm[k] as number;
    out[2 * k] = re * cr + im * ci;
    out[2 * k + 1] = im * cr - re * ci;
  }
  return out;
}

/**
 * powerSpectrum(signal, sampleRateHz): the one-sided power spectrum of `signal` with its mean
 * removed, on the grid of the signal's own length (no zero padding).
 */
export function powerSpectrum(signal: ArrayLike<number>, sampleRateHz: number): PowerSpectrum {
  const length = signal.length;
  const half = Math.floor(length / 2);
  const frequency = new Float64Array(half + 1);
  const power = new Float64Array(half + 1);
  for (let k = 0; k <= half; k++) frequency[k] = (k * sampleRateHz) / length;
  if (length < 2) return { frequency, power };
  let mean = 0;
  for (let n = 0; n < length; n++) mean += signal[n] as number;
  mean /= length;
  const centred = new Float64Array(length);
  for (let n = 0; n < length; n++) centred[n] = (signal[n] as number) - mean;
  const transform = fourierTransform(centred);
  const norm = 1 / (length * length);
  for (let k = 0; k <= half; k++) {
    const re = transform[2 * k] as number;
    const im = transform[2 * k + 1] as number;
    const twoSided = k === 0 || 2 * k === length ? 1 : 2;
    power[k] = twoSided * (re * re + im * im) * norm;
  }
  return { frequency, power };
}

/**
 * dominantFrequency(spectrum): the frequency of the largest power above 0 Hz (the mean is not a
 * rhythm); NaN when the spectrum has no such frequency or no power.
 */
export function dominantFrequency(spectrum: PowerSpectrum): number {
  let best = -1;
  let bestPower = 0;
  for (let k = 1; k < spectrum.power.length; k++) {
    const p = spectrum.power[k] as number;
    if (p > bestPower) {
      bestPower = p;
      best = k;
    }
  }
  return best < 0 ? NaN : (spectrum.frequency[best] as number);
}
