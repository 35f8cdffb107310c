import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/server/domain/currency";
import type { SystemMapView } from "@/server/domain/roi/system-map";
import { layoutSystemMap, NODE_TEXT } from "@/server/domain/roi/system-map-layout";
import { compactMoney } from "./chart-data";

// The system map as SVG, laid out by the same function as the PDF's (dagre, left to right): each
// component with its cost of delay per quarter and the fees tied to it, arrows for dependencies.

const marker = "system-map-arrow";

const KIND_FILL: Record<string, string> = {
  service: "#f0fdfa",
  database: "#eff6ff",
  queue: "#fefce8",
  gateway: "#fdf4ff",
  external: "#f8fafc",
};

export function SystemMapDrawing({ map, currency }: { map: SystemMapView; currency: string }) {
  const t = useTranslations("roi.systemMap");
  const locale = useLocale();
  if (map.components.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const detail = (component: SystemMapView["components"][number]) =>
    t("detail", {
      cost: compactMoney(component.costOfDelayPerQuarterMinor, currency, locale),
      fees: compactMoney(component.feesMinor, currency, locale),
    });
  const layout = layoutSystemMap(map, undefined, detail);
  const byId = new Map(map.components.map((component) => [component.id, component]));
  const labels = new Map(map.dependencies.map((d) => [`${d.fromId}>${d.toId}`, d.label]));
  const margin = 8;
  return (
    <figure data-testid="roi-system-map" data-components={map.components.length}>
      <svg
        role="img"
        aria-label={t("caption")}
        viewBox={`${-margin} ${-margin} ${layout.width + margin * 2} ${layout.height + margin * 2}`}
        style={{ width: (layout.width + margin * 2) * 1.6, maxWidth: "100%", height: "auto" }}
      >
        <defs>
          <marker id={marker} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" fill="#475569" />
          </marker>
        </defs>
        {layout.edges.map((edge) => {
          const middle = edge.points[Math.floor(edge.points.length / 2)];
          const label = labels.get(`${edge.fromId}>${edge.toId}`);
          return (
            <g key={`${edge.fromId}>${edge.toId}`}>
              <polyline
                points={edge.points.map((p) => `${p.x},${p.y}`).join(" ")}
                fill="none"
                stroke="#475569"
                strokeWidth={1}
                markerEnd={`url(#${marker})`}
              />
              {label && middle && (
                <text x={middle.x} y={middle.y - 3} fontSize={NODE_TEXT.detailSize} textAnchor="middle" fill="#334155">
                  {label}
                </text>
              )}
            </g>
          );
        })}
        {layout.nodes.map((node) => {
          const component = byId.get(node.id);
          if (!component) return null;
          const nameY = node.y + NODE_TEXT.paddingY + NODE_TEXT.nameSize;
          return (
            <g key={node.id} data-component={component.name}>
              <rect
                x={node.x}
                y={node.y}
                width={node.width}
                height={node.height}
                rx={4}
                fill={KIND_FILL[component.kind] ?? "#ffffff"}
                stroke={component.costOfDelayPerQuarterMinor > 0 ? "#b91c1c" : "#64748b"}
              />
              <text x={node.x + NODE_TEXT.paddingX} y={nameY} fontSize={NODE_TEXT.nameSize} fontWeight={600}>
                {component.name}
              </text>
              <text
                x={node.x + NODE_TEXT.paddingX}
                y={nameY + NODE_TEXT.lineGap + NODE_TEXT.detailSize * 1.2}
                fontSize={NODE_TEXT.detailSize}
                fill="#475569"
              >
                {detail(component)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="sr-only">
        {map.components.map((component) => (
          <li key={component.id}>
            {t("describe", {
              name: component.name,
              kind: t(`kind.${component.kind}`),
              cost: formatMoney(component.costOfDelayPerQuarterMinor, currency, locale),
              fees: formatMoney(component.feesMinor, currency, locale),
            })}
          </li>
        ))}
      </ul>
    </figure>
  );
}
