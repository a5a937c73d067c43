import { describe, expect, it } from 'vitest';
import { columnChartGeometry } from './columnChartGeometry.ts';

describe('stacked column chart geometry', () => {
  const g = columnChartGeometry([
    { label: '03-08', values: [3, 1, 0] },
    { label: '03-09', values: [0, 0, 2] },
    { label: '03-10', values: [0, 0, 0] },
  ], { width: 300, height: 200 });

  it('stacks segments from the bottom, in proportion to the count axis', () => {
    const [a, b, c] = g.columns;
    expect(a?.total).toBe(4);
    expect(a?.segments.map((s) => s.series)).toEqual([0, 1]);
    const [success, failure] = a?.segments ?? [];
    expect((success?.y ?? 0) + (success?.height ?? 0)).toBeCloseTo(g.plot.bottom);
    expect((failure?.y ?? 0) + (failure?.height ?? 0)).toBeCloseTo(success?.y ?? 0);
    expect(success?.height).toBeCloseTo((failure?.height ?? 0) * 3);
    expect(b?.segments.map((s) => s.series)).toEqual([2]);
    expect(c?.segments).toEqual([]);
    // The top tick is at least the tallest stack, which then fits inside the plot.
    expect(g.yTicks.at(-1)?.value).toBeGreaterThanOrEqual(4);
    expect(Math.min(...g.columns.flatMap((col) => col.segments.map((s) => s.y)))).toBeGreaterThanOrEqual(g.plot.top);
  });

  it('puts columns left to right inside the plot and thins labels, keeping the last', () => {
    const xs = g.columns.map((c) => c.cx);
    expect(xs).toEqual([...xs].sort((p, q) => p - q));
    expect(g.columns.every((c) => c.showLabel)).toBe(true);
    const many = columnChartGeometry(Array.from({ length: 90 }, (_, i) => ({ label: String(i), values: [i] })), { maxLabels: 8 });
    const shown = many.columns.filter((c) => c.showLabel);
    expect(shown.length).toBeLessThanOrEqual(9);
    expect(many.columns.at(-1)?.showLabel).toBe(true);
    expect(many.columns.every((c) => c.cx > many.plot.left && c.cx < many.plot.right)).toBe(true);
  });

  it('draws an empty chart without failing', () => {
    const empty = columnChartGeometry([]);
    expect(empty.columns).toEqual([]);
    expect(empty.yTicks.map((t) => t.value)).toEqual([0, 1]);
  });
});
