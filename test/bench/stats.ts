export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Nearest-rank percentiles. */
export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  return { n: sorted.length, p50: round(rank(50)), p99: round(rank(99)), max: round(sorted[sorted.length - 1] ?? NaN) };
}
