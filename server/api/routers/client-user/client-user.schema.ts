import { z } from "zod";
import { ZEntityId } from "../../../domain/schemas";

export const ZDeactivateClientUserInput = z.strictObject({ id: ZEntityId });
export const ZDeactivatedOut = z.object({ deactivated: z.literal(true) });
