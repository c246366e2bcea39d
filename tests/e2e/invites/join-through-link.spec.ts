import { and, eq } from "drizzle-orm";
import { expect, test } from "@playwright/test";
import { db } from "@/db/client";
import { groupMembers, groups, memberships, users } from "@/db/schema";
import { createGroup, createOrg, unique } from "@/tests/factories";
import { createInviteLink } from "@/tests/factories/invites";
import { JoinPage } from "../pages/join-page";
import { expectAccessible } from "../support/a11y";

test.use({ locale: "fr-CA" });

test("an advocate joins through an invite link on a phone in French", async ({ page }) => {
  const org = await createOrg({ name: "Ordre des éducateurs" });
  const group = await createGroup(org, "Table ronde de Québec");
  const link = await createInviteLink(org, { role: "advocate", groupIds: [group.id], maxUses: 50 });
  const email = `${unique("camille-")}@example.test`;

  const join = new JoinPage(page);
  await join.goto(link.code);
  await join.expectOpen(org.name);
  await expect(page.getByText(/comme ambassadeur/)).toBeVisible();
  await expectAccessible(page);

  await join.askToJoin({ email, firstName: "Camille", lastName: "Tremblay" });
  await expectAccessible(page);
  const mail = await join.openMagicLink(email);
  expect(mail.subject).toMatch(/connexion/i);

  await expect(page).toHaveURL(new RegExp(`/${org.slug}$`));
  const [member] = await db
    .select({ role: memberships.role, status: memberships.status, inviteLinkId: memberships.inviteLinkId, id: memberships.id, name: users.name, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, org.id), eq(users.email, email)));
  expect(member).toMatchObject({ role: "advocate", status: "active", inviteLinkId: link.id, name: "Camille Tremblay", locale: "fr" });
  const memberGroups = await db.select({ name: groups.name }).from(groupMembers).innerJoin(groups, eq(groups.id, groupMembers.groupId)).where(eq(groupMembers.membershipId, member.id));
  expect(memberGroups).toEqual([{ name: "Table ronde de Québec" }]);
});

test("a used-up invite link shows a clear page in the visitor's language", async ({ page }) => {
  const org = await createOrg();
  const link = await createInviteLink(org, { maxUses: 1, useCount: 1 });
  await new JoinPage(page).goto(link.code);
  await expect(page.getByRole("heading", { level: 1, name: "Ce lien n'est plus valide" })).toBeVisible();
  await expect(page.getByText(/nombre maximal d'inscriptions/)).toBeVisible();
  await expectAccessible(page);
});
