import { seedOrganisations } from "../server/data/database/seed";
import { hashPassword } from "../server/password";
import { DEMO_ORGANISATIONS } from "./demo-data";

/** Loads the demo scenario; organisations already present are left as they are. */
export function seedDemo() {
  return seedOrganisations(DEMO_ORGANISATIONS, hashPassword);
}
