import { z } from "zod";
import type { ContestPrize, ContestRuleSet } from "@/db/schema/contests";
import { checkbox } from "@/lib/form-data";
import { ACTION_KINDS, RULE_NETWORKS } from "./rules";

const id = z.string().trim().min(1).max(64);
const ids = z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(id).max(200));
const text = (max: number) => z.string().trim().max(max).default("");
// Times as typed in a datetime-local field, in the organisation's time zone.
const localDateTime = z.string().trim().min(1).max(40);
const points = z.preprocess((v) => (v === "" || v === undefined || v === null ? 0 : v), z.coerce.number().int().min(0).max(10_000));
const cap = z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), z.coerce.number().int().min(0).max(100_000).nullable());

// "1-3 | Carte-cadeau 50 $ | $50 gift card", one prize per line.
const PRIZE_LINE = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5}))?\s*\|\s*([^|]{1,200}?)\s*\|\s*([^|]{1,200}?)\s*$/;
export function parsePrizes(value: string): ContestPrize[] | null {
  const prizes: ContestPrize[] = [];
  for (const line of value.split("\n").filter((l) => l.trim())) {
    const m = PRIZE_LINE.exec(line);
    if (!m) return null;
    const fromRank = Number(m[1]);
    const toRank = Number(m[2] ?? m[1]);
    if (fromRank < 1 || toRank < fromRank) return null;
    prizes.push({ fromRank, toRank, labelFr: m[3], labelEn: m[4] });
  }
  return prizes;
}
export const formatPrizes = (prizes: ContestPrize[]) =>
  prizes.map((p) => `${p.fromRank === p.toRank ? p.fromRank : `${p.fromRank}-${p.toRank}`} | ${p.labelFr} | ${p.labelEn}`).join("\n");

const prizesField = z
  .string()
  .max(4000)
  .default("")
  .transform((v, ctx) => {
    const prizes = parsePrizes(v);
    if (!prizes) {
      ctx.addIssue({ code: "custom", message: "invalid_prizes" });
      return z.NEVER;
    }
    return prizes;
  });

type PointsKey = `share_${(typeof RULE_NETWORKS)[number]}` | `action_${(typeof ACTION_KINDS)[number]}` | "click" | "keyMomentBonus";
type CapKey = "cap_daily" | "cap_share" | "cap_click" | "cap_action" | "cap_bonus";

// The points rules as the form posts them: one field per network, per kind of call to action
// and per cap (blank: no cap).
const rulesShape = {
  ...Object.fromEntries(RULE_NETWORKS.map((n) => [`share_${n}`, points])),
  ...Object.fromEntries(ACTION_KINDS.map((k) => [`action_${k}`, points])),
  click: points,
  keyMomentBonus: points,
  cap_daily: cap,
  cap_share: cap,
  cap_click: cap,
  cap_action: cap,
  cap_bonus: cap,
} as { [K in PointsKey]: typeof points } & { [K in CapKey]: typeof cap };
export const RULE_FIELDS = Object.keys(rulesShape) as (PointsKey | CapKey)[];

export function toRuleSet(input: Partial<Record<PointsKey | CapKey, number | null>>): ContestRuleSet {
  const values = input as Record<string, number | null | undefined>;
  const n = (key: string) => Number(values[key] ?? 0);
  const c = (key: string) => (values[key] === null || values[key] === undefined ? null : Number(values[key]));
  return {
    share: Object.fromEntries(RULE_NETWORKS.map((net) => [net, n(`share_${net}`)])),
    click: n("click"),
    action: Object.fromEntries(ACTION_KINDS.map((k) => [k, n(`action_${k}`)])),
    keyMomentBonus: n("keyMomentBonus"),
    caps: { daily: c("cap_daily"), share: c("cap_share"), click: c("cap_click"), action: c("cap_action"), bonus: c("cap_bonus") },
  };
}

const contestFields = z.object({
  nameFr: z.string().trim().min(2).max(200),
  nameEn: z.string().trim().min(2).max(200),
  descriptionFr: text(4000),
  descriptionEn: text(4000),
  rulesTextFr: text(8000),
  rulesTextEn: text(8000),
  campaignIds: ids,
  groupIds: ids,
  startsAt: localDateTime,
  endsAt: localDateTime,
  includeStaff: checkbox,
  includeAdvocates: checkbox,
  prizes: prizesField,
  minScore: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const createContestSchema = contestFields.extend(rulesShape);
export const updateContestSchema = createContestSchema.extend({ id });
export type ContestInput = z.output<typeof createContestSchema>;

export const contestIdSchema = z.object({ id });
export const voidPointsSchema = z.object({
  id,
  membershipId: id,
  // One ledger line, or every point of the member when absent.
  entryId: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
  reason: z.string().trim().min(3).max(500),
});

// Page query strings.
export const contestPageQuery = z.object({ member: id.optional() });
