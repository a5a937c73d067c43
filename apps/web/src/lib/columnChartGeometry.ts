import { countTicks, linear } from './chartScale.ts';

/** One column of a stacked column chart: its label and one value per series (bottom first). */
export interface ColumnDatum {
  readonly label: string;
  readonly values: readonly number[];
}

/** A laid-out stacked column chart, in SVG user units. */
export interface ColumnChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly columns: readonly {
    readonly label: string;
    readonly total: number;
    /** Centre of the column (for its label). */
    readonly cx: number;
    /** Whether its label is drawn (every `labelEvery`-th column, and the last one). */
    readonly showLabel: boolean;
    readonly segments: readonly { readonly series: number; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly value: number }[];
  }[];
  readonly yTicks: readonly { readonly value: number; readonly y: number }[];
}

/**
 * Lays out a stacked column chart: columns side by side across the plot, stacked segments from
 * the bottom, a count axis with nice whole ticks. Labels are thinned so that at most about
 * `maxLabels` show (default: one per 48 units of width, labels being `MM-DD`). Zero-height
 * segments are left out.
 */
export function columnChartGeometry(data: readonly ColumnDatum[], { width = 600, height = 220, maxLabels = Math.max(2, Math.floor((width - 44) / 48)) }: { width?: number; height?: number; maxLabels?: number } = {}): ColumnChartGeometry {
  const plot = { left: 36, top: 8, right: width - 8, bottom: height - 24 };
  const totals = data.map((d) => d.values.reduce((a, b) => a + b, 0));
  const ticks = countTicks(Math.max(0, ...totals));
  const top = ticks.at(-1) ?? 1;
  const y = (v: number) => linear(v, [0, top], [plot.bottom, plot.top]);
  const slot = data.length === 0 ? 0 : (plot.right - plot.left) / data.length;
  const barW = Math.max(1, slot * 0.7);
  const labelEvery = Math.max(1, Math.ceil(data.length / maxLabels));
  const columns = data.map((d, i) => {
    const x = plot.left + i * slot + (slot - barW) / 2;
    let base = 0;
    const segments = d.values.flatMap((value, series) => {
      const y0 = y(base), y1 = y(base + value);
      base += value;
      return value > 0 ? [{ series, x, y: y1, width: barW, height: y0 - y1, value }] : [];
    });
    const fromEnd = data.length - 1 - i;
    return { label: d.label, total: totals[i] ?? 0, cx: x + barW / 2, showLabel: fromEnd % labelEvery === 0, segments };
  });
  return { width, height, plot, columns, yTicks: ticks.map((value) => ({ value, y: y(value) })) };
}
