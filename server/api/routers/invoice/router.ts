import { createTRPCRouter } from "../../trpc";
import { creditNote } from "./credit-note";
import { get } from "./get";
import { issue } from "./issue";
import { list } from "./list";
import { recordPayment } from "./record-payment";

export const invoiceRouter = createTRPCRouter({ issue, list, get, recordPayment, creditNote });
