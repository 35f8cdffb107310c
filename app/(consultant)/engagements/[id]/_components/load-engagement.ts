import "server-only";
import { cache } from "react";
import { loadForPage } from "@/server/api/caller";

/** The engagement for the layout and the tab it frames, read once per request. */
export const loadEngagement = cache((id: string) => loadForPage((api) => api.engagement.get({ id })));
