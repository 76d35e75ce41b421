import { type ReactNode, useId, useState } from 'react';

export interface TableColumn {
  label: string;
  /** Right-aligned numbers. */
  numeric?: boolean;
}

interface ChartFigureProps {
  title: string;
  /** One sentence on what the chart shows. */
  description: string;
  /** The same figures as a table: what a screen reader (or anyone) can read instead. */
  columns: TableColumn[];
  rows: Array<Array<string | number>>;
  children: ReactNode;
}

const numbers = new Intl.NumberFormat();

/** A chart with its title, a line about it, and the same data as a table on request. */
export function ChartFigure({ title, description, columns, rows, children }: ChartFigureProps) {
  const id = useId();
  const [table, setTable] = useState(false);
  return (
    <figure className="insight-figure" aria-labelledby={`${id}-title`}>
      <div className="insight-figure-header">
        <h2 id={`${id}-title`}>{title}</h2>
        <button
          type="button"
          className="button-link"
          aria-expanded={table}
          aria-controls={`${id}-table`}
          onClick={() => setTable((shown) => !shown)}
        >
          {table ? 'Show as a chart' : 'Show as a table'}
        </button>
      </div>
      <figcaption className="insight-description">{description}</figcaption>
      <div id={`${id}-table`} className="insight-table-wrap" hidden={!table}>
        {table && (
          <table className="insight-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.label} scope="col" className={column.numeric ? 'numeric' : ''}>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, cellIndex) =>
                    cellIndex === 0 ? (
                      <th key={cellIndex} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={cellIndex} className={columns[cellIndex]?.numeric ? 'numeric' : ''}>
                        {typeof cell === 'number' ? numbers.format(cell) : cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {!table && <div className="insight-chart">{children}</div>}
    </figure>
  );
}
