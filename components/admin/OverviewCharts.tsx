"use client";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Point = Record<string, string | number>;
const COLORS = ["#2f6bff", "#10b981", "#f59e0b", "#ef4444"];

/** One chart card: a line per series over the days (recharts), or bars for a per-kind breakdown. */
export function OverviewChart({ title, data, series, x = "day", bars = false, testId }: { title: string; data: Point[]; series: string[]; x?: string; bars?: boolean; testId?: string }) {
  return (
    <section className="rounded-xl bg-white p-4 shadow-sm" data-testid={testId}>
      <h2 className="mb-2 text-sm font-medium text-slate-700">{title}</h2>
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          {bars ? (
            <BarChart data={data}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
              <XAxis dataKey={x} fontSize={12} />
              <YAxis allowDecimals={false} fontSize={12} width={32} />
              <Tooltip />
              <Legend />
              {series.map((s, i) => (
                <Bar key={s} dataKey={s} fill={COLORS[i % COLORS.length]} />
              ))}
            </BarChart>
          ) : (
            <LineChart data={data}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
              <XAxis dataKey={x} fontSize={12} />
              <YAxis fontSize={12} width={40} />
              <Tooltip />
              <Legend />
              {series.map((s, i) => (
                <Line key={s} type="monotone" dataKey={s} stroke={COLORS[i % COLORS.length]} dot={false} strokeWidth={2} isAnimationActive={false} />
              ))}
            </LineChart>
          )}
        </ResponsiveContainer>
      </div>
    </section>
  );
}
