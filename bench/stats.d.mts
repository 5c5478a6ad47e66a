// Types of bench/stats.mjs, for its tests.

/** The middle value; the upper of the two middle ones for an even count. */
export function median(values: readonly number[]): number;

/** A percentile bootstrap interval for a statistic of series, each resampled with replacement on its own. */
export function bootstrapInterval(
  statistic: (...series: number[][]) => number,
  series: readonly (readonly number[])[],
  options?: { resamples?: number; level?: number; seed?: number },
): { low: number; high: number };

/** The ratio of the medians of two series, with its bootstrap interval. */
export function ratioOfMedians(numerator: readonly number[], denominator: readonly number[]): { value: number; low: number; high: number };

/** The median of paired ratios, with its bootstrap interval. */
export function medianOfRatios(ratios: readonly number[]): { value: number; low: number; high: number };
