import { pingDatabase } from "../../data/database/health";
import { json } from "./respond";

export async function healthResponse(): Promise<Response> {
  const up = await pingDatabase();
  return up ? json({ status: "ok", db: "ok" }) : json({ status: "degraded", db: "down" }, 503);
}
