import { createTRPCRouter } from "../../trpc";
import { changePassword } from "./change-password";
import { getMe } from "./get";
import { setLocale } from "./set-locale";

export const meRouter = createTRPCRouter({ get: getMe, setLocale, changePassword });
