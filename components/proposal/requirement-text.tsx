import { useTranslations } from "next-intl";
import type { GateRequirement } from "@/server/domain/gate";

/** Words for gate requirements ("Load test p99 at most 800 ms"), as the gate checklist says them. */
export function useRequirementWords(): (requirement: GateRequirement) => string {
  const t = useTranslations("gate.req");
  return (requirement) => {
    const values = Object.fromEntries(
      Object.entries(requirement.params).filter((entry): entry is [string, string | number] =>
        ["string", "number"].includes(typeof entry[1]),
      ),
    );
    return t(requirement.kind, values);
  };
}

export function RequirementText({ requirement }: { requirement: GateRequirement }) {
  return <>{useRequirementWords()(requirement)}</>;
}
