"use client";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";

type Row = Record<string, string | number>;
type Series = { key: string; label: string; color: string };

// A chart with its table view (for screen readers and for reading exact figures): the table
// is always in the page for assistive technology; the toggle shows it to everyone. Fixed
// size so the chart prints as it shows.
export function ChartCard(props: {
  id: string;
  title: string;
  xKey: string;
  xLabel: string;
  series: Series[];
  rows: Row[];
  kind: "line" | "bar";
  markers?: { x: string; label: string }[];
  showTable: string;
  showChart: string;
}) {
  const [table, setTable] = useState(false);
  const { id, title, xKey, xLabel, series, rows, kind, markers = [] } = props;
  const Chart = kind === "line" ? LineChart : BarChart;
  return (
    <section aria-labelledby={`${id}-title`} className="card space-y-2 break-inside-avoid">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold">{title}</h2>
        <button type="button" className="btn-secondary print:hidden" aria-pressed={table} onClick={() => setTable(!table)}>
          {table ? props.showChart : props.showTable}
        </button>
      </div>
      <div className={table ? "hidden" : "overflow-x-auto"} aria-hidden="true">
        <Chart accessibilityLayer={false} width={720} height={260} data={rows} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey={xKey} fontSize={12} />
          <YAxis fontSize={12} />
          <Tooltip />
          <Legend />
          {markers.map((m) => (
            <ReferenceLine key={`${m.x}-${m.label}`} x={m.x} stroke="#b45309" strokeDasharray="4 2" label={{ value: m.label, position: "insideTopLeft", fontSize: 11, fill: "#92400e" }} />
          ))}
          {series.map((s) =>
            kind === "line" ? (
              <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} dot={false} isAnimationActive={false} />
            ) : (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
            ),
          )}
        </Chart>
      </div>
      <div className={table ? "overflow-x-auto" : "sr-only"}>
        <table className="w-full text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="text-left">{xLabel}</th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="text-right">{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={String(row[xKey])}>
                <th scope="row" className="text-left font-normal">{row[xKey]}</th>
                {series.map((s) => (
                  <td key={s.key} className="text-right tabular-nums">{Number(row[s.key] ?? 0).toLocaleString()}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
