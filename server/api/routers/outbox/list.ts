import { listOutbox } from "../../../data/notification/outbox";
import { orgProcedure } from "../../trpc";
import { ZOutboxOut } from "./outbox.schema";

export const list = orgProcedure.output(ZOutboxOut).query(({ ctx }) => listOutbox(ctx.scope));
