import { describe, expect, it } from 'vitest';
import { barChartGeometry } from './barChartGeometry.ts';

const data = [
  { label: 'Passkey sign-in', values: [1, 0, 1] },
  { label: 'A very long route label that does not fit beside a bar', values: [4, 0, 0] },
];

describe('bar chart geometry', () => {
  it('scales bars to the largest total and stacks the series left to right', () => {
    const g = barChartGeometry(data, { width: 600 });
    expect(g.narrow).toBe(false);
    const [a, b] = g.rows;
    expect(a?.segments.map((s) => s.x)).toEqual([170, a?.segments[1]?.x, a?.segments[2]?.x]);
    expect((a?.segments[0]?.width ?? 0) * 4).toBeCloseTo(b?.segments[0]?.width ?? 0, 5);
    expect(b?.segments[0]?.width).toBeCloseTo(600 - 170 - 60);
    expect(a?.segments[2]?.x).toBeCloseTo((a?.segments[0]?.x ?? 0) + (a?.segments[0]?.width ?? 0));
    expect(a?.total.value).toBe(2);
    expect(b?.text.value).toHaveLength(28);
    expect(b?.text.value.endsWith('…')).toBe(true);
  });

  it('puts labels above the bars on a narrow screen and keeps bars inside the width', () => {
    const g = barChartGeometry(data, { width: 320 });
    expect(g.narrow).toBe(true);
    for (const row of g.rows) {
      expect(row.text.anchor).toBe('start');
      expect(row.text.y).toBeLessThan(row.segments[0]?.y ?? 0);
      expect(row.total.x).toBeLessThanOrEqual(320 - 56 + 4 + 1e-9);
    }
    expect(g.rows[0]?.text.value).toBe('Passkey sign-in');
    expect(g.height).toBeGreaterThan(barChartGeometry(data, { width: 600 }).height);
  });

  it('draws zero and empty data without failing', () => {
    expect(barChartGeometry([{ label: 'x', values: [0] }]).rows[0]?.segments[0]?.width).toBe(0);
    expect(barChartGeometry([]).rows).toEqual([]);
  });
});
