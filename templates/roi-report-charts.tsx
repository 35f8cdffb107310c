import { Line, Polyline, Rect, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import type { CashFlowChart, HistogramChart } from "@/server/domain/roi/report-charts";

// The ROI report's charts (the system map: ./roi-report-map.tsx): geometry comes ready from the view-model (server/domain/roi/
// report-charts.ts) and is drawn with react-pdf's Svg primitives; every label is positioned text
// in the documents' font, so Chinese renders and pdftotext reads it.

export const ROI_COLORS = {
  investment: "#dc2626",
  benefit: "#16a34a",
  cumulative: "#1d4ed8",
  payback: "#b45309",
  axis: "#94a3b8",
  grid: "#f1f5f9",
  bar: "#0f766e",
  marker: "#7c3aed",
  node: "#f8fafc",
  nodeBorder: "#64748b",
  owes: "#dc2626",
  edge: "#475569",
} as const;

const styles = StyleSheet.create({
  box: { position: "relative" },
  tick: { position: "absolute", fontSize: 6.5, color: "#64748b" },
  marker: { position: "absolute", fontSize: 6.5, color: ROI_COLORS.marker, fontWeight: 700 },
  payback: { position: "absolute", fontSize: 6.5, color: ROI_COLORS.payback, fontWeight: 700 },
  legend: { flexDirection: "row", marginTop: 4, fontSize: 7, color: "#475569" },
  swatch: { width: 8, height: 6, marginRight: 3, marginTop: 1.5 },
  legendItem: { flexDirection: "row", marginRight: 14 },
});

export function CashFlowChartView({
  chart,
  legend,
  monthAxis,
}: {
  chart: CashFlowChart;
  legend: { investment: string; benefit: string; cumulative: string };
  monthAxis: string;
}) {
  const { plot } = chart;
  return (
    <View wrap={false}>
      <View style={[styles.box, { width: chart.width, height: chart.height }]}>
        <Svg width={chart.width} height={chart.height} viewBox={`0 0 ${chart.width} ${chart.height}`}>
          {chart.yTicks.map((tick) => (
            <Line
              key={tick.at}
              x1={plot.left}
              x2={plot.right}
              y1={tick.at}
              y2={tick.at}
              stroke={ROI_COLORS.grid}
              strokeWidth={0.5}
            />
          ))}
          {chart.investments.map((bar, i) => (
            <Rect
              key={`i${i}`}
              x={bar.x}
              y={bar.y}
              width={bar.width}
              height={bar.height}
              fill={ROI_COLORS.investment}
            />
          ))}
          {chart.benefits.map((bar, i) => (
            <Rect key={`b${i}`} x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={ROI_COLORS.benefit} />
          ))}
          <Line
            x1={plot.left}
            x2={plot.left}
            y1={plot.top}
            y2={plot.bottom}
            stroke={ROI_COLORS.axis}
            strokeWidth={0.6}
          />
          <Line
            x1={plot.right}
            x2={plot.right}
            y1={plot.top}
            y2={plot.bottom}
            stroke={ROI_COLORS.axis}
            strokeWidth={0.6}
          />
          <Line
            x1={plot.left}
            x2={plot.right}
            y1={chart.zeroY}
            y2={chart.zeroY}
            stroke={ROI_COLORS.axis}
            strokeWidth={0.6}
          />
          {chart.cumulative !== "" && (
            <Polyline points={chart.cumulative} fill="none" stroke={ROI_COLORS.cumulative} strokeWidth={1} />
          )}
          {chart.payback && (
            <Line
              x1={chart.payback.x}
              x2={chart.payback.x}
              y1={plot.top}
              y2={plot.bottom}
              stroke={ROI_COLORS.payback}
              strokeWidth={0.8}
              strokeDasharray="3,2"
            />
          )}
        </Svg>
        {chart.yTicks.map((tick) => (
          <Text
            key={`l${tick.at}`}
            style={[styles.tick, { left: 0, width: plot.left - 3, top: tick.at - 4, textAlign: "right" }]}
          >
            {tick.label}
          </Text>
        ))}
        {chart.cumulativeTicks.map((tick) => (
          <Text
            key={`r${tick.at}`}
            style={[
              styles.tick,
              {
                left: plot.right + 3,
                width: chart.width - plot.right - 3,
                top: tick.at - 4,
                color: ROI_COLORS.cumulative,
              },
            ]}
          >
            {tick.label}
          </Text>
        ))}
        {chart.xTicks.map((tick) => (
          <Text
            key={`x${tick.at}`}
            style={[styles.tick, { left: tick.at - 15, width: 30, top: plot.bottom + 3, textAlign: "center" }]}
          >
            {tick.label}
          </Text>
        ))}
        <Text style={[styles.tick, { left: plot.right - 60, width: 60, top: plot.bottom + 3, textAlign: "right" }]}>
          {monthAxis}
        </Text>
        {chart.payback && (
          <Text
            style={[
              styles.payback,
              {
                left: chart.payback.box.left,
                width: chart.payback.box.width,
                textAlign: chart.payback.box.align,
                top: plot.top - 10,
              },
            ]}
          >
            {chart.payback.label}
          </Text>
        )}
      </View>
      <View style={styles.legend}>
        {(
          [
            [legend.investment, ROI_COLORS.investment, 6],
            [legend.benefit, ROI_COLORS.benefit, 6],
            [legend.cumulative, ROI_COLORS.cumulative, 1.5],
          ] as const
        ).map(([label, color, height]) => (
          <View key={label} style={styles.legendItem}>
            <View style={[styles.swatch, { backgroundColor: color, height, marginTop: 1.5 + (6 - height) / 2 }]} />
            <Text>{label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

export function HistogramView({ chart }: { chart: HistogramChart }) {
  const { plot } = chart;
  return (
    <View style={[styles.box, { width: chart.width, height: chart.height }]} wrap={false}>
      <Svg width={chart.width} height={chart.height} viewBox={`0 0 ${chart.width} ${chart.height}`}>
        {chart.yTicks.map((tick) => (
          <Line
            key={tick.at}
            x1={plot.left}
            x2={plot.right}
            y1={tick.at}
            y2={tick.at}
            stroke={ROI_COLORS.grid}
            strokeWidth={0.5}
          />
        ))}
        {chart.bars.map((bar, i) => (
          <Rect key={i} x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={ROI_COLORS.bar} />
        ))}
        <Line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} stroke={ROI_COLORS.axis} strokeWidth={0.6} />
        <Line
          x1={plot.left}
          x2={plot.right}
          y1={plot.bottom}
          y2={plot.bottom}
          stroke={ROI_COLORS.axis}
          strokeWidth={0.6}
        />
        {chart.zeroX !== null && (
          <Line
            x1={chart.zeroX}
            x2={chart.zeroX}
            y1={plot.top}
            y2={plot.bottom}
            stroke={ROI_COLORS.investment}
            strokeWidth={0.8}
          />
        )}
        {chart.markers.map((marker) => (
          <Line
            key={marker.label}
            x1={marker.x}
            x2={marker.x}
            y1={marker.labelY + 7}
            y2={plot.bottom}
            stroke={ROI_COLORS.marker}
            strokeWidth={0.8}
            strokeDasharray="3,2"
          />
        ))}
      </Svg>
      {chart.yTicks.map((tick) => (
        <Text
          key={`y${tick.at}`}
          style={[styles.tick, { left: 0, width: plot.left - 3, top: tick.at - 4, textAlign: "right" }]}
        >
          {tick.label}
        </Text>
      ))}
      {chart.xTicks.map((tick) => (
        <Text
          key={`x${tick.at}`}
          style={[styles.tick, { left: tick.at - 25, width: 50, top: plot.bottom + 3, textAlign: "center" }]}
        >
          {tick.label}
        </Text>
      ))}
      {chart.markers.map((marker) => (
        <Text
          key={`m${marker.label}`}
          style={[
            styles.marker,
            { left: marker.box.left, width: marker.box.width, textAlign: marker.box.align, top: marker.labelY },
          ]}
        >
          {marker.label}
        </Text>
      ))}
    </View>
  );
}
