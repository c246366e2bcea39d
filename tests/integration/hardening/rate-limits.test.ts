import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { invitations, joinClaims } from "@/db/schema";
import { requestMagicLinkAction } from "@/lib/auth/actions";
import { inviteStaffAction } from "@/lib/invitations/email-invitation-actions";
import { requestLinkJoinAction } from "@/lib/invitations/join-actions";
import { purgeExpiredJoinClaims } from "@/lib/invitations/purge-join-claims";
import { LIMITS } from "@/lib/rate-limit/limits";
import { CLIENT_ADDRESS_HEADER } from "@/lib/rate-limit/client-address-header";
import { createMember, createOrg, unique } from "@/tests/factories";
import { createInviteLink } from "@/tests/factories/invites";
import { form, until, useSmtp } from "@/tests/integration/invitations/support";
import { actAs, setRequestHeader } from "@/tests/setup/request-context";

const smtp = await useSmtp();

let addressCounter = 0;
const newAddress = () => `198.51.100.${++addressCounter}`;

async function askForLink(email: string, address: string) {
  await actAs(null);
  setRequestHeader(CLIENT_ADDRESS_HEADER, address);
  try {
    return await requestMagicLinkAction(undefined, form({ email }));
  } catch (error) {
    if (String(error).includes("NEXT_REDIRECT")) return { ok: true as const };
    throw error;
  }
}

describe("magic-link requests", () => {
  it("stop after the per-email budget, from any address, and send nothing more", async () => {
    const email = `${unique("flooded-")}@example.test`;
    for (let i = 0; i < LIMITS.magicLinkPerEmail.points; i++) expect(await askForLink(email, newAddress())).toEqual({ ok: true });
    await until(async () => smtp.to(email), (m) => m.length === LIMITS.magicLinkPerEmail.points);
    expect(await askForLink(email, newAddress())).toEqual({ ok: false, code: "too_many_requests" });
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.to(email)).toHaveLength(LIMITS.magicLinkPerEmail.points);
  });

  it("stop after the per-address budget, whatever email is asked for", async () => {
    const address = newAddress();
    for (let i = 0; i < LIMITS.magicLinkPerAddress.points; i++) expect(await askForLink(`${unique("spray-")}@example.test`, address)).toEqual({ ok: true });
    expect(await askForLink(`${unique("spray-")}@example.test`, address)).toEqual({ ok: false, code: "too_many_requests" });
    // Someone else is not affected.
    expect(await askForLink(`${unique("other-")}@example.test`, newAddress())).toEqual({ ok: true });
  });
});

describe("join requests on an invite link", () => {
  async function requestJoin(code: string, email: string, address: string) {
    await actAs(null);
    setRequestHeader(CLIENT_ADDRESS_HEADER, address);
    return requestLinkJoinAction(null, form({ code, email, firstName: "Zoé", lastName: "Gagnon", locale: "fr", consent: "on" }));
  }

  it("stop after the per-email budget and write no claim for a refused request", async () => {
    const org = await createOrg();
    const link = await createInviteLink(org);
    const email = `${unique("joiner-")}@example.test`;
    for (let i = 0; i < LIMITS.joinPerEmail.points; i++) expect((await requestJoin(link.code, email, newAddress())).ok).toBe(true);
    expect(await requestJoin(link.code, email, newAddress())).toEqual({ ok: false, code: "too_many_requests" });
    expect(await db.select().from(joinClaims).where(eq(joinClaims.email, email))).toHaveLength(LIMITS.joinPerEmail.points);
  });

  it("stop after the per-address budget", async () => {
    const org = await createOrg();
    const link = await createInviteLink(org);
    const address = newAddress();
    for (let i = 0; i < LIMITS.joinPerAddress.points; i++) expect((await requestJoin(link.code, `${unique("j-")}@example.test`, address)).ok).toBe(true);
    expect(await requestJoin(link.code, `${unique("j-")}@example.test`, address)).toEqual({ ok: false, code: "too_many_requests" });
  });
});

describe("invitation emails", () => {
  it("reach one address at most its daily budget, whichever organisations invite it", async () => {
    const victim = `${unique("victim-")}@example.test`;
    const results = [];
    for (let i = 0; i <= LIMITS.invitationPerRecipient.points; i++) {
      const org = await createOrg();
      const { user } = await createMember(org, { role: "owner" });
      await actAs(user.id);
      setRequestHeader(CLIENT_ADDRESS_HEADER, newAddress());
      results.push(await inviteStaffAction({ org: org.slug, emails: victim, role: "staff" }));
    }
    expect(results.slice(0, -1).every((r) => r.ok && r.data.invited === 1)).toBe(true);
    expect(results.at(-1)).toEqual({ ok: true, data: { invited: 0, skipped: 1 } });
    expect(await db.select().from(invitations).where(eq(invitations.email, victim))).toHaveLength(LIMITS.invitationPerRecipient.points);
  });

  it("stop at the organisation's hourly budget", async () => {
    const org = await createOrg();
    const { user } = await createMember(org, { role: "owner" });
    await actAs(user.id);
    const batch = (n: number) => Array.from({ length: n }, () => `${unique("m-")}@example.test`).join("\n");
    for (let sent = 0; sent < LIMITS.invitationPerOrganization.points; sent += 200) {
      setRequestHeader(CLIENT_ADDRESS_HEADER, newAddress());
      expect((await inviteStaffAction({ org: org.slug, emails: batch(Math.min(200, LIMITS.invitationPerOrganization.points - sent)), role: "staff" })).ok).toBe(true);
    }
    setRequestHeader(CLIENT_ADDRESS_HEADER, newAddress());
    expect(await inviteStaffAction({ org: org.slug, emails: batch(1), role: "staff" })).toEqual({ ok: false, code: "too_many_requests" });
  });
});

describe("expired join claims", () => {
  it("are purged, and live ones kept", async () => {
    const org = await createOrg();
    const link = await createInviteLink(org);
    const [expired, live] = await db
      .insert(joinClaims)
      .values([
        { organizationId: org.id, inviteLinkId: link.id, email: `${unique("old-")}@example.test`, firstName: "Zoé", lastName: "Gagnon", locale: "fr" as const, expiresAt: new Date(Date.now() - 1000) },
        { organizationId: org.id, inviteLinkId: link.id, email: `${unique("new-")}@example.test`, firstName: "Léa", lastName: "Roy", locale: "fr" as const, expiresAt: new Date(Date.now() + 3600_000) },
      ])
      .returning();
    expect(await purgeExpiredJoinClaims()).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(joinClaims).where(eq(joinClaims.id, expired.id))).toHaveLength(0);
    expect(await db.select().from(joinClaims).where(eq(joinClaims.id, live.id))).toHaveLength(1);
  });
});
