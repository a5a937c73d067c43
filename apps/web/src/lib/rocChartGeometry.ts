import { linear, logarithmic, niceStep } from './chartScale.ts';

/** One ROC point: false accept rate and true accept rate, both 0..1. */
export interface RocPoint {
  readonly far: number;
  readonly tar: number;
}

/** A laid-out ROC chart (log FAR axis), in SVG user units. */
export interface RocChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  /** SVG path of the curve as a staircase (the TAR reached at each FAR or below); empty without points. */
  readonly path: string;
  readonly xTicks: readonly { readonly value: number; readonly x: number; readonly label: string }[];
  readonly yTicks: readonly { readonly value: number; readonly y: number; readonly label: string }[];
  /** Lowest TAR on the axis (the axis does not start at 0 when every point is high). */
  readonly yMin: number;
  /** The TAR at FAR = 1e-3 marked on the curve, when known and inside the axes. */
  readonly marker: { readonly x: number; readonly y: number } | null;
  /** The equal-error point (FAR = FRR = EER, so TAR = 1 − EER), when known and inside the axes. */
  readonly eerPoint: { readonly x: number; readonly y: number } | null;
}

const superscript = (n: number): string => String(n).replace('-', '⁻').replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)] ?? d);

/** `1e-3` → `10⁻³`; `1` → `1`. */
export function powerOfTenLabel(value: number): string {
  const e = Math.round(Math.log10(value));
  return e === 0 ? '1' : `10${superscript(e)}`;
}

/** `0.975` → `97.5%` (at most two decimals). */
const pct = (v: number): string => `${Math.round(v * 10000) / 100}%`;

/**
 * Lays out a ROC curve with a logarithmic FAR axis from `minFar` (default 1e-4) to 1 and a TAR
 * axis from a round value below the lowest point up to 100 %. Points below `minFar` (including
 * FAR = 0) are drawn at `minFar`: the curve there shows the TAR reached at FAR ≤ `minFar`.
 */
export function rocChartGeometry(
  roc: readonly RocPoint[],
  { tarAtFar1e3 = null, eer = null, width = 560, height = 300, minFar = 1e-4 }: { tarAtFar1e3?: number | null; eer?: number | null; width?: number; height?: number; minFar?: number } = {},
): RocChartGeometry {
  const plot = { left: 52, top: 10, right: width - 12, bottom: height - 40 };
  const points = roc.filter((p) => Number.isFinite(p.far) && Number.isFinite(p.tar) && p.far >= 0 && p.far <= 1).slice().sort((a, b) => a.far - b.far || a.tar - b.tar);
  // Below the axis: keep one point at minFar with the best TAR reached there.
  const low = points.filter((p) => p.far <= minFar);
  const bestLow = low.reduce<RocPoint | null>((b, p) => (b === null || p.tar > b.tar ? { far: minFar, tar: p.tar } : b), null);
  const drawn = [...(bestLow === null ? [] : [bestLow]), ...points.filter((p) => p.far > minFar)];

  const lowest = Math.min(1, ...drawn.map((p) => p.tar), ...(tarAtFar1e3 === null ? [] : [tarAtFar1e3]));
  const step = niceStep((1 - lowest) / 3 || 0.01);
  const yMin = Math.max(0, Math.floor((lowest - step * 0.25) / step) * step);
  const x = (far: number) => logarithmic(far, [minFar, 1], [plot.left, plot.right]);
  const y = (tar: number) => linear(tar, [yMin, 1], [plot.bottom, plot.top]);
  const r = (v: number) => Math.round(v * 10) / 10;

  let path = '';
  drawn.forEach((p, i) => {
    path += i === 0 ? `M${r(x(p.far))} ${r(y(p.tar))}` : `H${r(x(p.far))}V${r(y(p.tar))}`;
  });
  if (drawn.length > 0) path += `H${r(plot.right)}`;

  const decades = Math.round(-Math.log10(minFar));
  const xTicks = Array.from({ length: decades + 1 }, (_, i) => {
    const value = 10 ** (i - decades);
    return { value, x: r(x(value)), label: powerOfTenLabel(value) };
  });
  const yCount = Math.round((1 - yMin) / step);
  const yTicks = Array.from({ length: yCount + 1 }, (_, i) => {
    const value = Math.min(1, yMin + i * step);
    return { value, y: r(y(value)), label: pct(value) };
  });
  const inside = (far: number, tar: number) => far >= minFar && far <= 1 && tar >= yMin && tar <= 1;
  return {
    width, height, plot, path, xTicks, yTicks, yMin,
    marker: tarAtFar1e3 === null || !inside(1e-3, tarAtFar1e3) ? null : { x: r(x(1e-3)), y: r(y(tarAtFar1e3)) },
    eerPoint: eer === null || !inside(Math.max(eer, minFar), 1 - eer) ? null : { x: r(x(Math.max(eer, minFar))), y: r(y(1 - eer)) },
  };
}
