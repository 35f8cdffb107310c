"use client";

import { useLocale, useTranslations } from "next-intl";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

// A clause's window values over the period: the target as a dashed line, each incident shaded red
// from its first window's start to its last window's end, maintenance exclusions shaded grey.

const DAY_MS = 24 * 3600_000;

interface Point {
  at: number;
  value: number;
}

export function SlaChart({
  title,
  series,
  target,
  unit,
  incidents,
  exclusions,
  timeZone,
}: {
  title: string;
  series: { start: string; value: number }[];
  target: number;
  unit: string;
  incidents: { from: string; to: string }[];
  exclusions: { from: string; to: string }[];
  /** the clause's zone: the axis and the tooltips read in it */
  timeZone: string;
}) {
  const t = useTranslations("sla");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone });
  const data: Point[] = series.map((point) => ({ at: Date.parse(point.start), value: point.value }));
  if (data.length === 0) return <p className="text-sm text-slate-600">{t("chart.noData")}</p>;
  // a period's worth of windows is labelled by day; a few hours of them by time of day
  const span = data[data.length - 1]!.at - data[0]!.at;
  // a short incident in a month of windows is still wide enough to see
  const minWidth = span / 200;
  const tick = new Intl.DateTimeFormat(
    locale,
    span > 2 * DAY_MS ? { month: "short", day: "numeric", timeZone } : { hour: "2-digit", minute: "2-digit", timeZone },
  );
  return (
    <figure>
      <figcaption className="sr-only">{t("chart.caption", { title })}</figcaption>
      <p className="mb-1 text-xs text-slate-500" aria-hidden="true">
        {t("chart.legend")}
      </p>
      <div
        className="h-56"
        data-testid="sla-chart"
        data-points={data.length}
        data-incidents={incidents.length}
        data-exclusions={exclusions.length}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={["dataMin", "dataMax"]}
              tickFormatter={(at: number) => tick.format(at)}
              tick={{ fontSize: 11 }}
            />
            <YAxis width={64} tickFormatter={(value: number) => `${number.format(value)}`} tick={{ fontSize: 11 }} />
            <Tooltip
              labelFormatter={(at) => `${when.format(Number(at))} (${timeZone})`}
              formatter={(value) => [`${number.format(Number(value))} ${unit}`, t("chart.value")]}
            />
            {exclusions.map((exclusion) => (
              <ReferenceArea
                key={`excluded-${exclusion.from}`}
                x1={Date.parse(exclusion.from)}
                x2={Date.parse(exclusion.to)}
                fill="#94a3b8"
                fillOpacity={0.25}
                ifOverflow="hidden"
              />
            ))}
            {incidents.map((incident) => (
              <ReferenceArea
                key={incident.from}
                x1={Date.parse(incident.from)}
                x2={Math.max(Date.parse(incident.to), Date.parse(incident.from) + minWidth)}
                fill="#dc2626"
                fillOpacity={0.15}
                ifOverflow="extendDomain"
              />
            ))}
            <ReferenceLine
              y={target}
              stroke="#475569"
              strokeDasharray="4 2"
              ifOverflow="extendDomain"
              label={{ value: t("chart.target"), position: "insideTopRight", fontSize: 11 }}
            />
            <Line dataKey="value" stroke="#0f766e" dot={false} isAnimationActive={false} strokeWidth={1.5} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
