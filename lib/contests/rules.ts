// Pure scoring rules: no database, no Redis. The scoring path (score.ts) resolves events
// into candidates; the pages print the same rule sets. `applyCaps` is the reference for caps:
// the ledger judges them in SQL, a batch at a time (ledger.ts), and a test holds the two equal.
import type { ContestRuleSet, ContestRuleVersion } from "@/db/schema/contests";

export const SCORED_SOURCES = ["share", "click", "action", "bonus"] as const;
export type ScoredSource = (typeof SCORED_SOURCES)[number];

export const ACTION_KINDS = ["share", "email", "call", "link", "event"] as const;
export const RULE_NETWORKS = ["linkedin", "x", "facebook", "bluesky", "mastodon", "threads", "whatsapp", "telegram", "email", "copy", "native"] as const;

export const DEFAULT_RULES: ContestRuleSet = {
  share: { linkedin: 10, x: 5, facebook: 8, bluesky: 5, mastodon: 5, threads: 5, whatsapp: 3, telegram: 3, email: 3, copy: 2, native: 3 },
  click: 2,
  action: { share: 10, email: 20, call: 25, link: 10, event: 30 },
  keyMomentBonus: 5,
  caps: { daily: 200, share: 100, click: 80, action: 120, bonus: 40 },
};

// The version in force at an instant: the latest one that took effect at or before it.
export function ruleVersionAt<V extends Pick<ContestRuleVersion, "effectiveFrom">>(versions: V[], at: Date): V | null {
  let found: V | null = null;
  for (const version of versions) {
    if (version.effectiveFrom.getTime() <= at.getTime() && (!found || version.effectiveFrom > found.effectiveFrom)) found = version;
  }
  return found;
}

export type DayTotals = { total: number; share: number; click: number; action: number; bonus: number };
export type Capped = { points: number; caps: { daily: number | null; rule: number | null } };

// The reference implementation of caps, the rule in plain code: points left under the
// member's daily cap and the rule's daily cap; updates `day` in place so the next event of
// the same member and day sees them. Production does not call it (recordPoints judges caps in
// SQL, a batch per statement); it stays here, beside the rules it applies, because it is the
// specification that SQL is checked against: tests/integration/contests/caps.test.ts holds
// the ledger equal to it event by event, and tests/unit/contest-rules.test.ts pins its cases.
export function applyCaps(day: DayTotals, source: ScoredSource, candidate: Capped) {
  let points = Math.max(0, candidate.points);
  const { daily, rule } = candidate.caps;
  if (daily !== null) points = Math.min(points, Math.max(0, daily - day.total));
  if (rule !== null) points = Math.min(points, Math.max(0, rule - day[source]));
  day.total += points;
  day[source] += points;
  return points;
}

export const capFor = (rules: ContestRuleSet, source: ScoredSource) => ({ daily: rules.caps.daily, rule: rules.caps[source] });
