import { z } from "zod";
import { network } from "@/db/schema/enums";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)));

// A dashboard's query string (parseQuery: what does not parse is the default view).
export const dashboardQuerySchema = z.object({
  from: isoDay.optional(),
  to: isoDay.optional(),
  baseFrom: isoDay.optional(),
  baseTo: isoDay.optional(),
});
export type DashboardQuery = z.output<typeof dashboardQuerySchema>;

export const EXPORT_TABLES = ["detail", "clicks", "posts", "networks", "members", "groups", "languages", "days", "hours"] as const;
export const exportQuerySchema = dashboardQuerySchema.extend({
  table: z.enum(EXPORT_TABLES).default("detail"),
  campaign: z.string().min(1).max(64).optional(),
});

export const createReportLinkSchema = z.object({
  campaignId: z.string().min(1).max(64),
  days: z.coerce.number().int().min(1).max(365).default(30),
});
export const revokeReportLinkSchema = z.object({ id: z.string().min(1).max(64) });

const rate = (max: number) => z.coerce.number().min(0).max(max);
export const updateRatesSchema = z.object({
  network: z.enum(network.enumValues),
  defaultAudience: z.coerce.number().int().min(0).max(10_000_000),
  viewRate: rate(1),
  cpm: rate(10_000),
  cpc: rate(10_000),
});

export const declareAudienceSchema = z.object({
  network: z.enum(network.enumValues),
  followers: z.coerce.number().int().min(0).max(100_000_000),
});
