import { z } from "zod";
import { createFirstOrganisation, SetupRefusal, setupOpen } from "../data/organisation/first";
import { ZNewPassword } from "../domain/password-rules";
import { ZLocale } from "../domain/locale";
import { normaliseEmail } from "../domain/login-throttle";
import { hashPassword } from "../password";
import { readJsonBody } from "./rest/json-body";
import { json, refused } from "./rest/respond";

// POST /api/setup: the first organisation and its owner, on an installation without any. Once an
// organisation exists the route answers 404 for good, like a page that is not there.

const MAX_BODY_BYTES = 4 * 1024;

export const ZSetupBody = z.strictObject({
  organisation: z.string().trim().min(2).max(120),
  name: z.string().trim().min(1).max(120),
  email: z.email().max(200),
  password: ZNewPassword,
  locale: ZLocale.default("en"),
});

const closed = () =>
  refused(404, "NOT_FOUND", ["setup is closed: this installation has an organisation; sign in instead"]);

/** A slug from the organisation's name; the first organisation cannot collide with another. */
export function slugFor(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return ascii || "organisation";
}

export async function setupRequest(request: Request): Promise<Response> {
  if (!(await setupOpen())) return closed();
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = ZSetupBody.safeParse(body.value);
  if (!parsed.success)
    return refused(
      400,
      "BAD_REQUEST",
      parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`),
    );
  const { organisation, name, email, password, locale } = parsed.data;
  try {
    await createFirstOrganisation({
      name: organisation,
      slug: slugFor(organisation),
      locale,
      owner: { email: normaliseEmail(email), name, passwordHash: await hashPassword(password), locale },
    });
  } catch (error) {
    if (error instanceof SetupRefusal) return closed();
    throw error;
  }
  return json({ organisation, email: normaliseEmail(email) }, 201);
}

/** Whether /setup may still create the first organisation. */
export const isSetupOpen = setupOpen;
