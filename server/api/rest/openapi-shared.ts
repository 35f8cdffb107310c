// What the OpenAPI description's parts share: error bodies and the id path parameter.

/** Every REST error: a machine-readable code and at least one reason a person can read. */
export const refusalBody = {
  type: "object",
  required: ["error", "reasons"],
  properties: { error: { type: "string", description: "machine-readable code" }, reasons: { type: "array", minItems: 1, items: { type: "string" } } },
};
export const refusalResponse = (description: string) => ({ description, content: { "application/json": { schema: refusalBody } } });
export const errorBody = refusalBody;
export const errorResponse = refusalResponse;

export const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } } as const;

/** A 200 whose body is a file of `type`. */
export const fileResponse = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: "string", format: "binary" } } } });
