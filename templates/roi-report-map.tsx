import { Fragment } from "react";
import { Polygon, Polyline, Rect, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import type { SystemMapDrawing } from "@/server/domain/roi/report-charts";
import { ROI_COLORS } from "./roi-report-charts";

// The system map in the ROI report: dagre's layout scaled to the page (server/domain/roi/
// report-charts.ts), boxes and arrows drawn with Svg, each box's name and money as positioned text.

const styles = StyleSheet.create({
  box: { position: "relative" },
  nodeName: { position: "absolute", fontWeight: 700, color: "#0f172a", maxLines: 1 },
  nodeDetail: { position: "absolute", color: "#475569", maxLines: 1 },
});

export function SystemMapView({ drawing }: { drawing: SystemMapDrawing }) {
  return (
    <View style={[styles.box, { width: drawing.width, height: drawing.height }]} wrap={false}>
      <Svg width={drawing.width} height={drawing.height} viewBox={`0 0 ${drawing.width} ${drawing.height}`}>
        {drawing.edges.map((edge, i) => (
          <Polyline key={`e${i}`} points={edge.points} fill="none" stroke={ROI_COLORS.edge} strokeWidth={0.8} />
        ))}
        {drawing.edges.map((edge, i) => (
          <Polygon key={`a${i}`} points={edge.arrow} fill={ROI_COLORS.edge} />
        ))}
        {drawing.nodes.map((node) => (
          <Rect
            key={node.id}
            x={node.x}
            y={node.y}
            width={node.width}
            height={node.height}
            rx={3}
            ry={3}
            fill={ROI_COLORS.node}
            stroke={node.owesDelay ? ROI_COLORS.owes : ROI_COLORS.nodeBorder}
            strokeWidth={node.owesDelay ? 1.2 : 0.7}
          />
        ))}
      </Svg>
      {drawing.nodes.map((node) => (
        <Fragment key={`t${node.id}`}>
          <Text
            style={[
              styles.nodeName,
              { left: node.text.left, top: node.text.nameTop, width: node.text.width, fontSize: node.text.nameSize },
            ]}
          >
            {node.name}
          </Text>
          <Text
            style={[
              styles.nodeDetail,
              {
                left: node.text.left,
                top: node.text.detailTop,
                width: node.text.width,
                fontSize: node.text.detailSize,
              },
            ]}
          >
            {node.detail}
          </Text>
        </Fragment>
      ))}
    </View>
  );
}
