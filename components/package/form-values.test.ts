import { describe, expect, it } from "vitest";
import { PRIVATE_DEPLOYMENT } from "@/server/domain/proposal/default-packages";
import { ZServicePackageFields } from "@/server/domain/proposal/package";
import { draftFromFields, emptyPackageDraft, fieldsFromDraft, serverErrors, unplacedProblems } from "./form-values";

const deployment = ZServicePackageFields.parse(PRIVATE_DEPLOYMENT);

describe("package form values", () => {
  it("turns a package into the form's text and back unchanged", () => {
    const draft = draftFromFields(deployment);
    expect(draft.baseText).toBe("200000.00");
    expect(draft.rateCard.map((line) => [line.key, line.rateText, line.defaultText])).toEqual([
      ["nodes", "50000.00", "4"],
      ["daily_volume", "20000.00", "3.5"],
      ["retention_years", "10000.00", "7"],
    ]);
    expect(draft.milestones.map((m) => m.shareText)).toEqual(["15", "30", "45", "10"]);
    const read = fieldsFromDraft(draft, "bad");
    if (!("fields" in read)) throw new Error(JSON.stringify(read.errors));
    expect(ZServicePackageFields.parse(read.fields)).toEqual(deployment);
  });

  it("puts each problem at its field", () => {
    const draft = {
      ...draftFromFields(deployment),
      name: "",
      baseText: "12.345",
    };
    draft.rateCard[1] = { ...draft.rateCard[1]!, maxText: "1" };
    draft.milestones[0] = { ...draft.milestones[0]!, shareText: "20" };
    const read = fieldsFromDraft(draft, "not an amount");
    if (!("errors" in read)) throw new Error("expected problems");
    expect(Object.keys(read.errors).sort()).toEqual([
      "milestones",
      "name",
      "pricing.baseMinor",
      "pricing.rateCard.1.defaultQuantity",
    ]);
    expect(read.errors["pricing.baseMinor"]).toEqual(["not an amount"]);
    expect(fieldsFromDraft(emptyPackageDraft(), "bad")).toHaveProperty("errors");
  });

  it("places the server's zod issues and refusals' reasons by field", () => {
    const errors = serverErrors(
      [{ path: "fields.pricing.rateCard.0.key", message: "a key" }],
      [
        'name: a package named "X" exists already in this organisation',
        "this package was changed since revision 1 (now 2); reload and edit again",
      ],
    );
    expect(errors).toEqual({
      "pricing.rateCard.0.key": ["a key"],
      name: ['a package named "X" exists already in this organisation'],
      form: ["this package was changed since revision 1 (now 2); reload and edit again"],
    });
    expect(unplacedProblems(errors, (path) => path === "name")).toEqual([
      "pricing.rateCard.0.key: a key",
      "this package was changed since revision 1 (now 2); reload and edit again",
    ]);
  });
});
