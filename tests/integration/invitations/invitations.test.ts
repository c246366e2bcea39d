import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { groupMembers, invitations, joinClaims, memberships, users } from "@/db/schema";
import { inviteStaffAction } from "@/lib/invitations/email-invitation-actions";
import { acceptInvitation } from "@/lib/invitations/join";
import { sendInvitationEmailJob } from "@/lib/invitations/jobs";
import { startJobRunner } from "@/workers/job-runner";
import { createGroup, createMember, createOrg, createUser, unique } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";
import { form, redirectTarget, startSmtp, until, waitForJob } from "./support";

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let workers: ReturnType<typeof startJobRunner>;

beforeAll(async () => {
  smtp = await startSmtp();
  // Read by lib/env on first use, which is after this point in this file.
  process.env.SMTP_URL = smtp.url;
  workers = startJobRunner({ jobs: [sendInvitationEmailJob], queues: ["emails"] });
});

afterAll(async () => {
  await workers.close();
  await smtp.close();
});

const address = () => `${unique("staff-")}@example.test`;

async function invitationsOf(orgId: string) {
  return db.select().from(invitations).where(eq(invitations.organizationId, orgId));
}

async function asLead(org: { id: string; slug: string }) {
  const { user } = await createMember(org, { role: "lead", locale: "fr" });
  await actAs(user.id);
  return user;
}

function tokenFrom(mail: { text?: string }) {
  return mail.text!.match(/\/join\/invitation\/([A-Za-z0-9_-]{43})/)![1];
}

describe("inviting staff by email", () => {
  it("sends one invitation email to each address, in the invitee's language or else the organisation's", async () => {
    const org = await createOrg({ name: "Réseau Relève", defaultLocale: "fr" });
    await asLead(org);
    const english = await createUser({ locale: "en" });
    const newcomer = address();
    const result = await inviteStaffAction(null, form({ org: org.slug, emails: `${english.email}\n${newcomer.toUpperCase()}`, role: "staff" }));
    expect(result).toEqual({ ok: true, data: { invited: 2, skipped: 0 } });
    await until(async () => smtp.to(english.email).concat(smtp.to(newcomer)), (m) => m.length === 2);
    expect(smtp.to(english.email)[0].subject).toBe("Invitation to join Réseau Relève on Relais");
    expect(smtp.to(newcomer)[0].subject).toBe("Invitation à rejoindre Réseau Relève sur Relais");
    const rows = await invitationsOf(org.id);
    expect(rows.every((r) => r.sentAt && r.tokenHash)).toBe(true);
  });

  it("sends once when the job runs twice", async () => {
    const org = await createOrg();
    await asLead(org);
    const email = address();
    await inviteStaffAction(null, form({ org: org.slug, emails: email }));
    const [invitation] = await invitationsOf(org.id);
    const payload = { orgId: org.id, invitationId: invitation.id };
    // The same job again under another id: a retry or a duplicate enqueue.
    await waitForJob("emails", await sendInvitationEmailJob.enqueue(payload, { jobId: `invitation-${invitation.id}` }));
    await waitForJob("emails", await sendInvitationEmailJob.enqueue(payload, { jobId: `again-${invitation.id}` }));
    expect(smtp.to(email)).toHaveLength(1);
  });

  it("refuses the whole list when an address is not valid, and invites nobody", async () => {
    const org = await createOrg();
    await asLead(org);
    const result = await inviteStaffAction(null, form({ org: org.slug, emails: `${address()}, pas-une-adresse` }));
    expect(result).toMatchObject({ ok: false, code: "bad_request", fieldErrors: { emails: ["invalid_emails"] } });
    expect(await invitationsOf(org.id)).toHaveLength(0);
  });

  it("skips people who are already members or already invited", async () => {
    const org = await createOrg();
    await asLead(org);
    const { user: member } = await createMember(org, { role: "advocate" });
    const pending = address();
    await inviteStaffAction(null, form({ org: org.slug, emails: pending }));
    const result = await inviteStaffAction(null, form({ org: org.slug, emails: `${member.email} ${pending} ${address()}` }));
    expect(result).toEqual({ ok: true, data: { invited: 1, skipped: 2 } });
    expect(await invitationsOf(org.id)).toHaveLength(2);
  });

  it("is refused to staff and advocates", async () => {
    const org = await createOrg();
    for (const role of ["staff", "advocate"] as const) {
      const { user } = await createMember(org, { role });
      await actAs(user.id);
      expect(await inviteStaffAction(null, form({ org: org.slug, emails: address() }))).toEqual({ ok: false, code: "forbidden" });
    }
    expect(await invitationsOf(org.id)).toHaveLength(0);
  });
});

describe("accepting an email invitation", () => {
  async function invite(org: { id: string; slug: string }, email: string, groupIds: string[] = []) {
    await asLead(org);
    await inviteStaffAction(null, form({ org: org.slug, emails: email, role: "staff", groupIds }));
    const [mail] = await until(async () => smtp.to(email), (m) => m.length > 0);
    return tokenFrom(mail);
  }

  it("makes the invitee staff with the invitation's groups", async () => {
    const org = await createOrg();
    const group = await createGroup(org, "Québec");
    const email = address();
    const token = await invite(org, email, [group.id]);
    const invitee = await createUser({ email });
    expect(await acceptInvitation(invitee, token)).toEqual({ slug: org.slug, joined: true });
    const [membership] = await db.select().from(memberships).where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, invitee.id)));
    expect(membership).toMatchObject({ role: "staff", status: "active" });
    expect((await db.select().from(groupMembers).where(eq(groupMembers.membershipId, membership.id))).map((g) => g.groupId)).toEqual([group.id]);
    const [row] = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(row.acceptedBy).toBe(invitee.id);
  });

  it("cannot be accepted from an account with another address", async () => {
    const org = await createOrg();
    const token = await invite(org, address());
    const other = await createUser();
    await expect(acceptInvitation(other, token)).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.select().from(memberships).where(eq(memberships.userId, other.id))).toHaveLength(0);
  });

  it("cannot be accepted once expired", async () => {
    const org = await createOrg();
    const email = address();
    const token = await invite(org, email);
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.email, email));
    const invitee = await createUser({ email });
    await expect(acceptInvitation(invitee, token)).rejects.toMatchObject({ code: "gone" });
    expect(await db.select().from(memberships).where(eq(memberships.userId, invitee.id))).toHaveLength(0);
  });

  it("signed out: the invitee gives their name, confirms by magic link, and lands in the feed as staff", async () => {
    const org = await createOrg();
    const email = address();
    const token = await invite(org, email);
    await actAs(null);
    const { requestInvitationJoinAction } = await import("@/lib/invitations/join-actions");
    expect(await requestInvitationJoinAction(null, form({ token, firstName: "Karim", lastName: "Benali", locale: "fr", consent: "on" }))).toEqual({ ok: true, data: { email } });
    const [claim] = await db.select().from(joinClaims).where(eq(joinClaims.email, email));
    // The magic link signs them in (Auth.js creates the user), then lands on the completion route.
    const invitee = await createUser({ email, name: null });
    await actAs(invitee.id);
    const { GET } = await import("@/app/join/complete/route");
    expect(await redirectTarget(GET(new NextRequest(`http://localhost:3000/join/complete?claim=${claim.id}`)))).toBe(`/${org.slug}`);
    const [membership] = await db.select().from(memberships).where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, invitee.id)));
    expect(membership.role).toBe("staff");
    const [saved] = await db.select().from(users).where(eq(users.id, invitee.id));
    expect(saved.name).toBe("Karim Benali");
  });
});
