/** The smallest "nice" step (1, 2 or 5 × 10ⁿ) at least `raw`; 1 for zero or less. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].find((m) => m * magnitude >= raw * (1 - 1e-9)) ?? 10;
  return nice * magnitude;
}

/**
 * Axis ticks for counts from 0 up to at least `max`: whole, "nice" steps (1, 2, 5 × 10ⁿ), about
 * `count` of them. `[0, 1]` when there is nothing to show.
 */
export function countTicks(max: number, count = 4): number[] {
  const step = Math.max(1, niceStep(max / count));
  const top = Math.max(step, Math.ceil(max / step) * step);
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

/** Maps `value` in [`d0`, `d1`] linearly to [`r0`, `r1`]. */
export function linear(value: number, [d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): number {
  return d1 === d0 ? r0 : r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** Maps `value` (> 0) logarithmically from [`d0`, `d1`] to [`r0`, `r1`]; values outside are clamped to the domain. */
export function logarithmic(value: number, [d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): number {
  const v = Math.min(d1, Math.max(d0, value));
  return linear(Math.log10(v), [Math.log10(d0), Math.log10(d1)], [r0, r1]);
}
