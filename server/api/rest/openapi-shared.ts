// What the OpenAPI description's parts share: error bodies and the id path parameter.

export const errorBody = {
  type: "object",
  required: ["error"],
  properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" } } } },
};
export const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: errorBody } } });

export const refusalBody = {
  type: "object",
  required: ["error", "reasons"],
  properties: { error: { type: "string", description: "machine-readable code" }, reasons: { type: "array", minItems: 1, items: { type: "string" } } },
};
export const refusalResponse = (description: string) => ({ description, content: { "application/json": { schema: refusalBody } } });

export const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } } as const;

/** A 200 whose body is a file of `type`. */
export const fileResponse = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: "string", format: "binary" } } } });
