// Small statistics shared by the benchmarks: percentiles and how noisy a repeated figure was.

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

export const round = (x: number) => Math.round(x * 100) / 100

/** A repeated measurement: its median and how noisy it was (p10–p90 spread as a share of the median). */
export interface Sampled {
  median: number
  p10: number
  p90: number
  /** (p90 − p10) / median, in percent. */
  noise_pct: number
  samples: number
}

export function sampled(values: number[]): Sampled {
  const median = percentile(values, 50)
  const p10 = percentile(values, 10)
  const p90 = percentile(values, 90)
  return {
    median: round(median),
    p10: round(p10),
    p90: round(p90),
    noise_pct: Math.round(((p90 - p10) / median) * 100),
    samples: values.length,
  }
}
