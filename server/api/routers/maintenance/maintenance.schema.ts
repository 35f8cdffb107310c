import { z } from "zod";
import { ZContractCreate, ZContractFields } from "../../../domain/maintenance/contract";
import { ZEntityId, ZIdempotencyKey } from "../../../domain/schemas";
import { ZContractOut, ZDeliveryOut, ZTermOut } from "../../rest/contracts/maintenance";
import { ZIsoDate } from "../../../domain/engagement-plan";

// The maintenance procedures' inputs and outputs (consultant's and portal's). The contract's own
// fields are the domain's (server/domain/maintenance/contract.ts), shared with the form; the
// contract as read is the REST contract's, so both APIs answer the same shape.

export { ZContractOut, ZDeliveryOut, ZTermOut };

export type ContractOut = z.infer<typeof ZContractOut>;

export const ZContractsOut = z.array(ZContractOut);

export const ZListContractsInput = z.strictObject({ engagementId: ZEntityId });
/** Start and fee may be left out: the delivery's paid date and the upgrade-rights share. */
export const ZCreateContractInput = ZContractCreate;
export const ZUpdateContractInput = z.strictObject({
  contractId: ZEntityId,
  /** the revision the edit was made on */
  revision: z.number().int().min(1),
  fields: ZContractFields,
});
export const ZIssueTermInput = z.strictObject({
  termId: ZEntityId,
  idempotencyKey: ZIdempotencyKey.optional(),
  issueDate: ZIsoDate.optional(),
});

export const ZGiveNoticeInput = z.strictObject({ contractId: ZEntityId });
export const ZAttestUpgradeAccessInput = z.strictObject({ termId: ZEntityId });
