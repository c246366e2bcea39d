"use server";
import { orgAction } from "@/lib/action";
import type { Tenant } from "@/lib/tenancy";
import { setRates } from "./queries";
import { createReportLink, declareAudience, revokeReportLink } from "./report-links";
import { createReportLinkSchema, declareAudienceSchema, revokeReportLinkSchema, updateRatesSchema } from "./schemas";

export const createReportLinkAction = orgAction(createReportLinkSchema, "analytics.read", createReportLink);
export const revokeReportLinkAction = orgAction(revokeReportLinkSchema, "analytics.read", revokeReportLink);
export const updateRatesAction = orgAction(updateRatesSchema, "org.settings", async (tenant: Tenant, { network, ...rates }) => {
  await setRates(tenant, network, rates);
  return { network };
});
// A member's own followers on a network: the reach of their shares.
export const declareAudienceAction = orgAction(declareAudienceSchema, "shares.write", declareAudience);
