// Statistics for the benchmark: the median it reports, and how far a ratio of medians could move on a rerun.

/** The median as the benchmark reports it: the middle value, the upper of the two middle ones for an even count. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A generator of numbers in [0, 1) from a seed (mulberry32): the same samples always give the same interval. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A percentile bootstrap interval for a statistic of one or more series, each resampled with replacement on its own
 * (`resamples` times, 95 % by default): the range a rerun on the same machine, in the same state, would likely give.
 * It says nothing of the machine's drift between runs, which is often larger.
 * @param {(...series: number[][]) => number} statistic
 * @param {number[][]} series
 * @returns {{ low: number, high: number }}
 */
export function bootstrapInterval(statistic, series, { resamples = 2000, level = 0.95, seed = 1 } = {}) {
  const next = random(seed);
  const values = [];
  for (let r = 0; r < resamples; r++) {
    values.push(statistic(...series.map((s) => Array.from(s, () => s[Math.floor(next() * s.length)]))));
  }
  values.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return { low: values[Math.floor(tail * (resamples - 1))], high: values[Math.ceil((1 - tail) * (resamples - 1))] };
}

/** The ratio of the medians of two series, and its bootstrap interval with each series resampled on its own. */
export function ratioOfMedians(numerator, denominator) {
  const statistic = (a, b) => median(a) / median(b);
  return { value: statistic(numerator, denominator), ...bootstrapInterval(statistic, [numerator, denominator]) };
}

/** The median of paired ratios, and its bootstrap interval with the pairs resampled. */
export function medianOfRatios(ratios) {
  return { value: median(ratios), ...bootstrapInterval(median, [ratios]) };
}
