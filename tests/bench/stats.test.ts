import { describe, expect, it } from 'vitest';
import { bootstrapInterval, median, medianOfRatios, ratioOfMedians } from '../../bench/stats.mjs';

/** Seeded stand-in timings: a base time with noise of up to `spread` either side. */
function timings(count: number, base: number, spread: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return base + ((state / 2147483648) * 2 - 1) * spread;
  });
}

describe('the benchmark statistics', () => {
  it('reports the middle value as the median, the upper middle one for an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(median([7])).toBe(7);
  });

  it('gives a ratio of medians an interval of no width when nothing varies', () => {
    expect(ratioOfMedians([200, 200, 200], [100, 100, 100])).toEqual({ value: 2, low: 2, high: 2 });
  });

  it('gives an interval around the measured ratio, the same for the same samples, wider for noisier ones', () => {
    const calm = ratioOfMedians(timings(15, 200, 5, 1), timings(15, 100, 3, 2));
    const noisy = ratioOfMedians(timings(15, 200, 40, 1), timings(15, 100, 25, 2));
    for (const r of [calm, noisy]) {
      expect(r.low).toBeLessThanOrEqual(r.value);
      expect(r.high).toBeGreaterThanOrEqual(r.value);
    }
    expect(calm.high - calm.low).toBeGreaterThan(0);
    expect(noisy.high - noisy.low).toBeGreaterThan(3 * (calm.high - calm.low));
    expect(ratioOfMedians(timings(15, 200, 40, 1), timings(15, 100, 25, 2))).toEqual(noisy);
  });

  it('covers the true median of ratios in most of many simulated runs', () => {
    // Ratios spread evenly around 1.9: the interval of 30 of them holds 1.9 in about 95 % of runs.
    let covered = 0;
    const runs = 40;
    for (let run = 0; run < runs; run++) {
      const { low, high } = medianOfRatios(timings(30, 1.9, 0.2, run + 11));
      if (low <= 1.9 && 1.9 <= high) covered += 1;
    }
    expect(covered).toBeGreaterThanOrEqual(33);
  });

  it('resamples each series on its own', () => {
    // With the second series fixed, the interval comes from the first alone.
    const { low, high } = bootstrapInterval((a, b) => median(a) - median(b!), [[1, 2, 3, 4, 5], [0, 0, 0]]);
    expect(low).toBeGreaterThanOrEqual(1);
    expect(high).toBeLessThanOrEqual(5);
    expect(high).toBeGreaterThan(low);
  });
});
