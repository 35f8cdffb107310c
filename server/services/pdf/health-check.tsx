import type { Locale } from "../../domain/locale";
import { healthCheckDocument } from "../../domain/health-check/document";
import type { HealthCheckView } from "../../domain/health-check/items";
import { HealthCheckPdf } from "../../../templates/health-check";
import { renderPdf } from "./render";

/** The one-page health check for the meeting, in one language (the advice arrives worded in it). */
export function renderHealthCheckPdf(check: HealthCheckView & { engagement: string }, locale: Locale): Promise<Buffer> {
  return renderPdf(<HealthCheckPdf doc={healthCheckDocument(check, locale)} />);
}
