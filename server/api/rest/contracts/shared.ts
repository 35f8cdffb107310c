import { z } from "zod";
import { ZEntityId } from "../../../domain/schemas";
import { refused } from "../respond";

// What every area's contract shares: the refusal body, the id path parameter, file bodies, the
// shape of a documented operation, and the one way a handler turns a failed parse into a 400.

/** Every REST error: a machine-readable code and at least one reason a person can read (respond.ts). */
export const ZRefusal = z.object({
  error: z.string().meta({ description: "machine-readable code" }),
  reasons: z.array(z.string()).min(1),
  index: z.int().optional().meta({ description: "where a batch is refused: the first bad item (0-based)" }),
});
export type RefusalBody = z.infer<typeof ZRefusal>;

export const ZIdParams = z.strictObject({ id: ZEntityId });

/** A body that is a file: described, never parsed here. */
export const ZBinary = z.file();

/**
 * A zod enum of every member of the union `T`, for unions the data layer types but the domain
 * does not list: the compiler refuses a member missing from `values`.
 */
export function enumOf<T extends string>() {
  return <const V extends readonly [T, ...T[]]>(values: V & ([T] extends [V[number]] ? unknown : never)) =>
    z.enum(values);
}

export interface RestResponse {
  description: string;
  /** media type → body schema */
  content?: Record<string, z.ZodType>;
}

export interface RestOperation {
  operationId: string;
  method: "get" | "post";
  path: string;
  summary: string;
  description?: string;
  /** absent: the document's default (the session cookie); [] for none */
  security?: Record<string, string[]>[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  requestBody?: { content: Record<string, z.ZodType> };
  responses: Record<`${number}`, RestResponse>;
}

export const jsonResponse = (schema: z.ZodType, description: string): RestResponse => ({
  description,
  content: { "application/json": schema },
});
export const refusalResponse = (description: string): RestResponse => jsonResponse(ZRefusal, description);
export const fileResponse = (mediaType: string, description: string): RestResponse => ({
  description,
  content: { [mediaType]: ZBinary },
});

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** `value` parsed by `schema`, or the 400 naming each problem (`where`: path, query or body). */
export function parseRequest<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: "path" | "query" | "body",
): Parsed<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const reasons = parsed.error.issues.map((issue) => `${issue.path.join(".") || where}: ${issue.message}`);
  return { ok: false, response: refused(400, "BAD_REQUEST", reasons) };
}

/** The query string as the flat object a query schema parses. */
export const queryOf = (request: Request): Record<string, string> =>
  Object.fromEntries(new URL(request.url).searchParams);
