import { z } from "zod";
import { ZEntityId } from "../../../domain/schemas";
import { ZMeterInput } from "../../../domain/usage/meter";
import { ZUsagePeriod } from "../../../domain/usage/period";
import { ZMeterResponse, ZUsageReportResponse } from "../../rest/contracts/usage";

// The consultant's meters and period report: the same shapes the REST API answers.

export const ZCreateMeterInput = z.strictObject({ engagementId: ZEntityId, meter: ZMeterInput });
export const ZEngagementMetersInput = z.strictObject({ engagementId: ZEntityId });
export const ZUsageReportInput = z.strictObject({ engagementId: ZEntityId, period: ZUsagePeriod });

export const ZMeterOut = ZMeterResponse;
export const ZMetersOut = z.array(ZMeterResponse);
export const ZUsageReportOut = ZUsageReportResponse;
