// On a shared machine the speed drifts from second to second, so engines are measured in turn,
// round after round, and each ratio is taken within a round before the rounds are summarised.

/** The middle value (the mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export interface RoundSummary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly rounds: number;
}

/** The median and range of `values`, one per round. */
export function summarise(values: readonly number[]): RoundSummary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), rounds: values.length };
}

/**
 * The ratio of our rate to another engine's, round by round (both measured in the same round),
 * summarised over the rounds. Throws if the two lists are not one rate per round each.
 */
export function roundRatios(ours: readonly number[], other: readonly number[]): RoundSummary {
  if (ours.length !== other.length || ours.length === 0) throw new Error('one rate per round for each engine');
  return summarise(ours.map((rate, round) => rate / (other[round] ?? Number.NaN)));
}
