import "server-only";
import type { Contest } from "@/db/schema/contests";
import type { Locale } from "@/db/schema/enums";
import { toZonedInput } from "@/lib/calendar/zoned";
import type { ContestRuleSet, ContestRuleVersion } from "@/db/schema/contests";
import { DEFAULT_RULES } from "./rules";
import { formatPrizes, RULE_FIELDS } from "./schemas";

// What the contest pages print, in the reader's language.
export const contestName = (contest: Pick<Contest, "nameFr" | "nameEn">, locale: Locale) => (locale === "en" ? contest.nameEn : contest.nameFr);
export const contestText = (fr: string, en: string, locale: Locale) => (locale === "en" ? en || fr : fr || en);

function ruleFields(r: ContestRuleSet) {
  const rules: Record<string, number | null> = {};
  for (const field of RULE_FIELDS) {
    if (field.startsWith("share_")) rules[field] = r.share[field.slice(6)] ?? 0;
    else if (field.startsWith("action_")) rules[field] = r.action[field.slice(7)] ?? 0;
    else if (field.startsWith("cap_")) rules[field] = r.caps[field.slice(4) as keyof typeof r.caps];
    else if (field === "click") rules[field] = r.click;
    else if (field === "keyMomentBonus") rules[field] = r.keyMomentBonus;
  }
  return rules;
}

// A new contest: starts tomorrow at 9:00 for three days, everyone, the default points.
export function newContestFormValues(timeZone: string) {
  const start = new Date(Date.now() + 86_400_000);
  const day = toZonedInput(start, timeZone).slice(0, 10);
  const end = toZonedInput(new Date(start.getTime() + 3 * 86_400_000), timeZone).slice(0, 10);
  return {
    nameFr: "",
    nameEn: "",
    descriptionFr: "",
    descriptionEn: "",
    rulesTextFr: "",
    rulesTextEn: "",
    startsAt: `${day}T09:00`,
    endsAt: `${end}T17:00`,
    campaignIds: [],
    groupIds: [],
    includeStaff: true,
    includeAdvocates: true,
    prizes: "",
    minScore: 0,
    rules: ruleFields(DEFAULT_RULES),
  };
}

// The edit form's starting values: the contest and its latest points rules.
export function contestFormValues(contest: Contest, latest: ContestRuleVersion | undefined, timeZone: string) {
  const rules = ruleFields(latest?.rules ?? DEFAULT_RULES);
  return {
    id: contest.id,
    nameFr: contest.nameFr,
    nameEn: contest.nameEn,
    descriptionFr: contest.descriptionFr,
    descriptionEn: contest.descriptionEn,
    rulesTextFr: contest.rulesTextFr,
    rulesTextEn: contest.rulesTextEn,
    startsAt: toZonedInput(contest.startsAt, timeZone),
    endsAt: toZonedInput(contest.endsAt, timeZone),
    campaignIds: contest.campaignIds,
    groupIds: contest.groupIds,
    includeStaff: contest.includeStaff,
    includeAdvocates: contest.includeAdvocates,
    prizes: formatPrizes(contest.prizes),
    minScore: contest.minScore,
    rules,
  };
}
