import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { contestPoints, contestRuleVersions, contests } from "@/db/schema";
import { createRunningContest } from "@/tests/integration/contests/support";
import type { Actor, CrossOrgActionCase, CrossOrgRouteCase, Exempt, FuzzCase } from "../types";

// Each case names the caller's own workspace and another organisation's running contest.
const foreignContests = new WeakMap<Actor, string>();

async function foreignContest(foreign: Actor) {
  const contest = await createRunningContest(foreign.org, { nameFr: "Concours étranger", nameEn: "Foreign contest" });
  foreignContests.set(foreign, contest.id);
  return contest.id;
}

async function foreignContestUnchanged({ foreign }: { foreign: Actor }) {
  const id = foreignContests.get(foreign)!;
  const [row] = await db.select().from(contests).where(eq(contests.id, id));
  expect(row).toMatchObject({ nameFr: "Concours étranger", screenToken: null });
  expect(await db.select().from(contestRuleVersions).where(eq(contestRuleVersions.contestId, id))).toHaveLength(1);
  expect(await db.select().from(contestPoints).where(eq(contestPoints.contestId, id))).toEqual([]);
}

const contestForm = (org: string, extra: Record<string, unknown> = {}) => ({
  org,
  nameFr: "Concours intrus",
  nameEn: "Intruder contest",
  startsAt: "2030-01-01T09:00",
  endsAt: "2030-01-03T17:00",
  includeStaff: "on",
  includeAdvocates: "on",
  prizes: "1 | Prix | Prize",
  minScore: "0",
  click: "2",
  share_linkedin: "10",
  cap_daily: "100",
  ...extra,
});

export const actionCases: CrossOrgActionCase[] = [
  {
    // A contest created in another organisation by naming its slug.
    action: "lib/contests/actions.ts#createContestAction",
    input: async ({ foreign }) => contestForm(foreign.org.slug),
    async unchanged({ foreign }) {
      expect(await db.select().from(contests).where(eq(contests.organizationId, foreign.org.id))).toEqual([]);
    },
  },
  {
    action: "lib/contests/actions.ts#updateContestAction",
    input: async ({ own, foreign }) => contestForm(own.org.slug, { id: await foreignContest(foreign), nameFr: "Renommé" }),
    unchanged: foreignContestUnchanged,
  },
  {
    action: "lib/contests/actions.ts#voidPointsAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, id: await foreignContest(foreign), membershipId: foreign.membershipId, reason: "Intrusion" }),
    unchanged: foreignContestUnchanged,
  },
  {
    // Another organisation's member named in an own contest.
    action: "lib/contests/actions.ts#voidPointsAction",
    async input({ own, foreign }) {
      await foreignContest(foreign);
      return { org: own.org.slug, id: (await createRunningContest(own.org)).id, membershipId: foreign.membershipId, reason: "Intrusion" };
    },
    unchanged: foreignContestUnchanged,
  },
  {
    action: "lib/contests/actions.ts#createScreenLinkAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, id: await foreignContest(foreign) }),
    unchanged: foreignContestUnchanged,
  },
  {
    action: "lib/contests/actions.ts#revokeScreenLinkAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, id: await foreignContest(foreign) }),
    unchanged: foreignContestUnchanged,
  },
];

export const routeCases: CrossOrgRouteCase[] = [
  {
    route: "app/api/orgs/[org]/contests/[id]/export/route.ts#GET",
    async request({ own, foreign }) {
      const id = await foreignContest(foreign);
      return { params: { org: own.org.slug, id }, url: `http://localhost:3000/api/orgs/${own.org.slug}/contests/${id}/export` };
    },
  },
  {
    route: "app/api/orgs/[org]/contests/[id]/live/route.ts#GET",
    async request({ own, foreign }) {
      const id = await foreignContest(foreign);
      return { params: { org: own.org.slug, id }, url: `http://localhost:3000/api/orgs/${own.org.slug}/contests/${id}/live` };
    },
  },
];

export const exempt: Exempt = {
  "app/screen/[token]/live/route.ts#GET": "public by design: the big screen's secret link names one contest, which the lead revokes by replacing it",
};

// A token of the right shape that names no contest.
const UNKNOWN_TOKEN = "Zz9Zz9Zz9Zz9Zz9Zz9Zz9Zz9";

export const fuzzCases: FuzzCase[] = [{ target: "app/screen/[token]/live/route.ts#GET", input: async () => ({ params: { token: UNKNOWN_TOKEN }, url: `http://localhost:3000/screen/${UNKNOWN_TOKEN}/live` }) }];
