/** One bar of a bar chart: a label and one value per series. */
export interface BarDatum {
  readonly label: string;
  readonly values: readonly number[];
}

/** A laid-out horizontal stacked bar chart, in SVG user units (= CSS pixels at its width). */
export interface BarChartGeometry {
  readonly width: number;
  readonly height: number;
  /** Narrow layout: each label sits above its bar instead of beside it. */
  readonly narrow: boolean;
  readonly rows: readonly {
    readonly label: string;
    readonly text: { readonly x: number; readonly y: number; readonly anchor: 'start' | 'end'; readonly value: string };
    readonly segments: readonly { readonly series: number; readonly x: number; readonly y: number; readonly width: number; readonly height: number }[];
    readonly total: { readonly x: number; readonly y: number; readonly value: number };
  }[];
}

const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, Math.max(1, max - 1))}…` : s);

/**
 * Lays out horizontal stacked bars scaled to the largest total. At `width` ≥ `narrowBelow` (480)
 * labels stand left of the bars (170 units, cut at 28 characters); below it each label takes its
 * own line above the bar, cut to the width. Totals are written after each bar.
 */
export function barChartGeometry(data: readonly BarDatum[], { width = 600, narrowBelow = 480 }: { width?: number; narrowBelow?: number } = {}): BarChartGeometry {
  const narrow = width < narrowBelow;
  const labelW = narrow ? 0 : 170;
  const rowH = narrow ? 40 : 22;
  const barTop = narrow ? 18 : 3;
  const max = Math.max(1, ...data.map((d) => d.values.reduce((a, b) => a + b, 0)));
  const scale = Math.max(0, width - labelW - 60) / max;
  const rows = data.map((d, r) => {
    const top = r * rowH;
    let x = labelW;
    const segments = d.values.map((v, series) => {
      const w = Math.max(0, v * scale);
      const seg = { series, x, y: top + barTop, width: w, height: 16 };
      x += w;
      return seg;
    });
    const total = d.values.reduce((a, b) => a + b, 0);
    return {
      label: d.label,
      text: narrow ? { x: 0, y: top + 13, anchor: 'start' as const, value: clip(d.label, Math.floor(width / 6.5)) } : { x: labelW - 6, y: top + 15, anchor: 'end' as const, value: clip(d.label, 28) },
      segments,
      total: { x: x + 4, y: top + barTop + 12, value: Math.round(total * 10) / 10 },
    };
  });
  return { width, height: data.length * rowH + (narrow ? 8 : 24), narrow, rows };
}
