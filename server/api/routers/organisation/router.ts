import { createTRPCRouter } from "../../trpc";
import { numbering } from "./numbering";
import { seller } from "./seller";
import { updateNumbering } from "./update-numbering";
import { updateSeller } from "./update-seller";

export const organisationRouter = createTRPCRouter({ seller, updateSeller, numbering, updateNumbering });
