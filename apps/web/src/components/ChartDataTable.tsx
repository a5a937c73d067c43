/** One row of a {@link ChartDataTable}: its React key, its header cell and one cell per column. */
export interface ChartDataRow {
  readonly key: string;
  readonly header: string;
  readonly cells: readonly (number | string)[];
}

/**
 * A chart's figures as a table that only screen readers see (the text alternative of the picture):
 * a header row with `itemHeader` and the `columns`, then one row per item.
 */
export function ChartDataTable({ title, itemHeader, columns, rows }: { title: string; itemHeader: string; columns: readonly string[]; rows: readonly ChartDataRow[] }) {
  return (
    <div className="sr-only">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{itemHeader}</th>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.header}</th>
              {r.cells.map((c, i) => (
                <td key={columns[i] ?? i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
