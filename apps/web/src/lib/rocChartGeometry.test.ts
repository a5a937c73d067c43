import { describe, expect, it } from 'vitest';
import evalFace from '../../../../bench/results/eval-face.json';
import { parseFaceEvaluation } from './faceEvaluation.ts';
import { powerOfTenLabel, rocChartGeometry } from './rocChartGeometry.ts';

describe('ROC chart geometry', () => {
  const roc = [{ far: 0, tar: 0.978 }, { far: 0.0005, tar: 0.982 }, { far: 0.001, tar: 0.984 }, { far: 0.01, tar: 0.994 }, { far: 0.35, tar: 1 }];
  const g = rocChartGeometry(roc, { tarAtFar1e3: 0.984, eer: 0.0067, width: 560, height: 300 });

  it('has a log FAR axis with one tick per decade from 1e-4 to 1', () => {
    expect(g.xTicks.map((t) => t.label)).toEqual(['10⁻⁴', '10⁻³', '10⁻²', '10⁻¹', '1']);
    const gaps = g.xTicks.slice(1).map((t, i) => t.x - (g.xTicks[i]?.x ?? 0));
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0] ?? 0, 0);
    expect(g.xTicks[0]?.x).toBe(g.plot.left);
    expect(g.xTicks.at(-1)?.x).toBe(g.plot.right);
    expect(powerOfTenLabel(1e-3)).toBe('10⁻³');
  });

  it('starts the TAR axis at a round value below the lowest point and ends at 100 %', () => {
    expect(g.yMin).toBeCloseTo(0.97);
    expect(g.yTicks.map((t) => t.label)).toEqual(['97%', '98%', '99%', '100%']);
    expect(g.yTicks.at(-1)?.y).toBe(g.plot.top);
    const poor = rocChartGeometry([{ far: 0.1, tar: 0.4 }, { far: 1, tar: 1 }]);
    expect(poor.yMin).toBeCloseTo(0.2);
    expect(poor.yTicks.map((t) => t.label)).toEqual(['20%', '40%', '60%', '80%', '100%']);
  });

  it('draws a staircase that starts at the FAR = 0 point on the axis edge and runs to FAR = 1', () => {
    expect(g.path.startsWith(`M${g.plot.left} `)).toBe(true);
    expect(g.path.match(/H/g)).toHaveLength(roc.length);
    expect(g.path.endsWith(`H${g.plot.right}`)).toBe(true);
    expect(rocChartGeometry([]).path).toBe('');
  });

  it('marks TAR at FAR 1e-3 on the curve and the equal-error point', () => {
    expect(g.marker?.x).toBe(g.xTicks[1]?.x);
    // On the curve: the path's vertical step at FAR 1e-3 ends at the marker's height.
    expect(g.path).toContain(`H${g.marker?.x}V${g.marker?.y}`);
    expect(g.eerPoint).not.toBeNull();
    expect(rocChartGeometry(roc, { tarAtFar1e3: null }).marker).toBeNull();
  });

  it('draws the committed evaluation run', () => {
    const e = parseFaceEvaluation(evalFace);
    const real = rocChartGeometry(e.roc, { tarAtFar1e3: e.tarAtFar1e3, eer: e.eer });
    expect(real.path.length).toBeGreaterThan(50);
    expect(real.marker).not.toBeNull();
  });
});
