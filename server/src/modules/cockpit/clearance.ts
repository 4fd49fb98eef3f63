/**
 * Clearance time (release − submission) kept as a log-bucketed histogram (the DDSketch idea): bucket
 * boundaries grow by γ = 1.02, so any value read back from its bucket is within 1 % of the truth, the
 * histogram of a period is the sum of its months' histograms (mergeable, hence incremental), and a year
 * of clearance times from 0 to 90 days needs about 600 buckets whatever the number of declarations.
 * The median read off it is within 1 % of the exact median (tests compare with percentile_cont).
 */
const GAMMA = 1.02;
const LOG_GAMMA = Math.log(GAMMA);
export const CLEARANCE_BUCKET_MAX = 1000;

/** Bucket 0 holds releases under a minute; bucket k + 1 holds minutes in (γ^(k−1), γ^k]. */
export function clearanceBucket(seconds: number): number {
  if (seconds < 60) return 0;
  const minutes = seconds / 60;
  return Math.min(CLEARANCE_BUCKET_MAX, 1 + Math.max(0, Math.ceil(Math.log(minutes) / LOG_GAMMA - 1e-9)));
}

/** The value a bucket stands for, in minutes: the point of least relative error within it. */
export function bucketMinutes(bucket: number): number {
  if (bucket <= 0) return 0.5;
  const k = bucket - 1;
  return k === 0 ? 1 : (2 * GAMMA ** k) / (GAMMA + 1);
}

/** Median in minutes (mean of the two middle values when the count is even), or null when empty. */
export function histogramMedian(histogram: ReadonlyMap<number, number>): number | null {
  let total = 0;
  for (const n of histogram.values()) total += n;
  if (total === 0) return null;
  const lowIndex = Math.floor((total - 1) / 2);
  const highIndex = Math.ceil((total - 1) / 2);
  const buckets = [...histogram.keys()].sort((a, b) => a - b);
  let seen = 0;
  let low: number | null = null;
  let high: number | null = null;
  for (const bucket of buckets) {
    const n = histogram.get(bucket)!;
    if (low === null && seen + n > lowIndex) low = bucketMinutes(bucket);
    if (high === null && seen + n > highIndex) high = bucketMinutes(bucket);
    seen += n;
    if (high !== null) break;
  }
  return Math.round(((low! + high!) / 2) * 10) / 10;
}
