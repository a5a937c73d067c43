import { seriesColour } from '../lib/chartColours.ts';

/** A chart's caption: its title, and a legend with one colour swatch per series (colours in `seriesColour` order). */
export function ChartCaption({ title, series }: { title: string; series: readonly string[] }) {
  return (
    <figcaption>
      <strong>{title}</strong>
      <span className="row">
        {series.map((s, i) => (
          <span key={s}>
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" fill={seriesColour(i)} />
            </svg>{' '}
            {s}
          </span>
        ))}
      </span>
    </figcaption>
  );
}
