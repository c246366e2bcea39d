import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { alertActionStates, alertLetters, alerts, chatWebhooks, notificationPreferences, pushSubscriptions } from "@/db/schema";
import { createSentAlert, createChatWebhook } from "@/tests/factories/alerts";
import { createCampaign } from "@/tests/factories/campaigns";
import { createGroup } from "@/tests/factories";
import type { Actor, CrossOrgActionCase, CrossOrgRouteCase, Exempt, FuzzCase } from "../types";

const form = (org: string, extra: Record<string, unknown> = {}) => ({
  org,
  titleFr: "Titre",
  titleEn: "Title",
  messageFr: "Message",
  messageEn: "Message",
  channels: ["in_app"],
  call: "on",
  callPhone: "+15145550100",
  callScript: "Bonjour",
  ...extra,
});

async function nothingDoneIn(foreign: Actor) {
  expect(await db.select().from(alertActionStates).where(eq(alertActionStates.organizationId, foreign.org.id))).toEqual([]);
  expect(await db.select().from(alertLetters).where(eq(alertLetters.organizationId, foreign.org.id))).toEqual([]);
}

async function noAlertIn(foreign: Actor) {
  expect(await db.select().from(alerts).where(eq(alerts.organizationId, foreign.org.id))).toEqual([]);
}

const foreignAlert = async (foreign: Actor) =>
  createSentAlert(foreign.org, {
    actions: [
      { config: { kind: "email", subject: "Objet", letter: "Madame la députée", sendMode: "relais", matchBy: "all" }, targets: [{ name: "Députée", email: "deputee@example.test", district: "Laurier-Dorion" }] },
      { config: { kind: "link", url: "https://example.org/petition" } },
      { config: { kind: "event", place: "Québec", startsAt: new Date(Date.now() + 86_400_000).toISOString(), endsAt: new Date(Date.now() + 90_000_000).toISOString() } },
    ],
  });

export const actionCases: CrossOrgActionCase[] = [
  {
    action: "lib/alerts/actions.ts#createAlertAction",
    input: async ({ own, foreign }) => form(own.org.slug, { campaignId: (await createCampaign(foreign.org)).id }),
    unchanged: ({ foreign }) => noAlertIn(foreign),
  },
  {
    action: "lib/alerts/actions.ts#updateAlertAction",
    async input({ own, foreign }) {
      const { alert } = await createSentAlert(foreign.org, { status: "scheduled", sendAt: new Date(Date.now() + 3600_000) });
      return form(own.org.slug, { alertId: alert.id });
    },
    async unchanged({ foreign }) {
      const rows = await db.select().from(alerts).where(eq(alerts.organizationId, foreign.org.id));
      expect(rows.map((r) => [r.status, r.titleFr])).toEqual([["scheduled", "Le projet de loi est en commission demain"]]);
    },
  },
  {
    action: "lib/alerts/actions.ts#cancelAlertAction",
    async input({ own, foreign }) {
      const { alert } = await createSentAlert(foreign.org, { status: "scheduled", sendAt: new Date(Date.now() + 3600_000) });
      return { org: own.org.slug, alertId: alert.id };
    },
    async unchanged({ foreign }) {
      const rows = await db.select().from(alerts).where(eq(alerts.organizationId, foreign.org.id));
      expect(rows.map((r) => r.status)).toEqual(["scheduled"]);
    },
  },
  {
    action: "lib/alerts/actions.ts#completeAlertAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, actionId: (await foreignAlert(foreign)).actions[1].id, outcome: "clicked" }),
    unchanged: ({ foreign }) => nothingDoneIn(foreign),
  },
  {
    action: "lib/alerts/actions.ts#sendLetterAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, actionId: (await foreignAlert(foreign)).actions[0].id, subject: "Objet", body: "Lettre" }),
    unchanged: ({ foreign }) => nothingDoneIn(foreign),
  },
  {
    action: "lib/alerts/actions.ts#setDistrictAction",
    input: async ({ foreign }) => ({ org: foreign.org.slug, district: "Laurier-Dorion" }),
    async unchanged({ foreign }) {
      expect(await db.select().from(notificationPreferences).where(eq(notificationPreferences.organizationId, foreign.org.id))).toEqual([]);
    },
  },
  {
    action: "lib/notifications/preference-actions.ts#savePreferencesAction",
    input: async ({ foreign }) => ({ org: foreign.org.slug, channels: ["email"], postDigest: "daily", emailSubscribed: "on" }),
    async unchanged({ foreign }) {
      expect(await db.select().from(notificationPreferences).where(eq(notificationPreferences.organizationId, foreign.org.id))).toEqual([]);
    },
  },
  {
    action: "lib/notifications/preference-actions.ts#subscribePushAction",
    input: async ({ foreign }) => ({ org: foreign.org.slug, endpoint: "https://push.example.test/abc", p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM", auth: "tBHItJI5svbpez7KI4CCXg" }),
    async unchanged({ foreign }) {
      expect(await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.organizationId, foreign.org.id))).toEqual([]);
    },
  },
  {
    action: "lib/notifications/preference-actions.ts#unsubscribePushAction",
    async input({ foreign }) {
      await db.insert(pushSubscriptions).values({ organizationId: foreign.org.id, userId: foreign.userId, endpoint: "https://push.example.test/theirs", p256dh: "x", auth: "y" });
      return { org: foreign.org.slug, endpoint: "https://push.example.test/theirs" };
    },
    async unchanged({ foreign }) {
      expect(await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.organizationId, foreign.org.id))).toHaveLength(1);
    },
  },
  {
    action: "lib/notifications/preference-actions.ts#addChatWebhookAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, kind: "slack", url: "https://hooks.slack.com/services/T000/B000/XXXX", groupId: (await createGroup(foreign.org)).id }),
    async unchanged({ foreign }) {
      expect(await db.select().from(chatWebhooks).where(eq(chatWebhooks.organizationId, foreign.org.id))).toEqual([]);
    },
  },
  {
    action: "lib/notifications/preference-actions.ts#removeChatWebhookAction",
    input: async ({ own, foreign }) => ({ org: own.org.slug, webhookId: (await createChatWebhook(foreign.org, "slack", "https://hooks.slack.com/services/T/B/Y")).id }),
    async unchanged({ foreign }) {
      expect(await db.select().from(chatWebhooks).where(eq(chatWebhooks.organizationId, foreign.org.id))).toHaveLength(1);
    },
  },
];

const alertRoute = (suffix: (alert: Awaited<ReturnType<typeof foreignAlert>>) => string) => async ({ own, foreign }: { own: Actor; foreign: Actor }) => {
  const created = await foreignAlert(foreign);
  const path = suffix(created);
  const [id, , actionId] = path.split("/");
  return { params: { org: own.org.slug, id, ...(actionId ? { actionId } : {}) }, url: `http://localhost:3000/api/orgs/${own.org.slug}/alerts/${path}` };
};

export const routeCases: CrossOrgRouteCase[] = [
  { route: "app/api/orgs/[org]/alerts/[id]/live/route.ts#GET", request: alertRoute(({ alert }) => `${alert.id}/live`) },
  { route: "app/api/orgs/[org]/alerts/[id]/ics/[actionId]/route.ts#GET", request: alertRoute(({ alert, actions }) => `${alert.id}/ics/${actions[2].id}`) },
  { route: "app/api/orgs/[org]/alerts/[id]/go/[actionId]/route.ts#GET", request: alertRoute(({ alert, actions }) => `${alert.id}/go/${actions[1].id}`) },
];

export const exempt: Exempt = {
  "app/unsubscribe/[token]/route.ts#GET": "a signed token names the membership; no session, no organisation in the address",
  "app/unsubscribe/[token]/route.ts#POST": "a signed token names the membership; no session, no organisation in the address",
  "app/api/email/bounces/route.ts#POST": "the mail system's instance secret (BOUNCE_WEBHOOK_SECRET); the sent mail's own Message-ID names its row, hence its organisation (tests/integration/alerts/late-bounces.test.ts)",
};

export const fuzzCases: FuzzCase[] = [
  { target: "app/unsubscribe/[token]/route.ts#GET", input: async () => ({ params: { token: "mem_unknown.signature" }, url: "http://localhost:3000/unsubscribe/mem_unknown.signature" }) },
  { target: "app/unsubscribe/[token]/route.ts#POST", input: async () => ({ params: { token: "mem_unknown.signature" }, url: "http://localhost:3000/unsubscribe/mem_unknown.signature" }) },
  { target: "app/api/email/bounces/route.ts#POST", input: async () => ({ params: {}, url: "http://localhost:3000/api/email/bounces" }) },
];
