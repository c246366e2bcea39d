import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { invitations, memberships, users } from "@/db/schema";
import { GET as getProgress } from "@/app/api/orgs/[org]/imports/[id]/route";
import { POST as upload } from "@/app/api/orgs/[org]/imports/route";
import { importAdvocatesJob } from "@/lib/imports/jobs";
import { startJobRunner } from "@/workers/job-runner";
import { createMember, createOrg, createUser, unique } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";
import { until } from "../invitations/support";

let workers: ReturnType<typeof startJobRunner>;
beforeAll(() => {
  workers = startJobRunner({ jobs: [importAdvocatesJob], queues: ["imports"] });
});
afterAll(async () => {
  await workers.close();
});

type Org = Awaited<ReturnType<typeof createOrg>>;

// The attacker: the lead of a workspace anyone can create, importing a file of addresses.
async function importAs(org: Org, csv: string) {
  const { user } = await createMember(org, { role: "owner" });
  await actAs(user.id);
  const body = new FormData();
  body.set("file", new File([csv], "membres.csv", { type: "text/csv" }));
  const response = await upload(new NextRequest(`http://localhost:3000/api/orgs/${org.slug}/imports`, { method: "POST", body }), { params: Promise.resolve({ org: org.slug }) });
  expect(response.status).toBe(201);
  const { id } = await response.json();
  const read = async () => (await getProgress(new NextRequest(`http://localhost:3000/api/orgs/${org.slug}/imports/${id}`), { params: Promise.resolve({ org: org.slug, id }) })).json();
  return until(read, (p) => p.status === "completed" || p.status === "failed");
}

const userByEmail = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0];

describe("a CSV import naming people of other organisations", () => {
  it("never renames or changes the language of someone who belongs to another organisation", async () => {
    const home = await createOrg();
    const email = `${unique("imported-")}@example.test`;
    // Imported by their union, never signed in yet.
    const person = await createUser({ email, firstName: "Zoé", lastName: "Gagnon", name: "Zoé Gagnon", locale: "fr" });
    await createMember(home, { role: "advocate", status: "invited", user: person });

    await importAs(await createOrg(), `email,first name,last name,language\n${email},Hacked,Name,en\n`);

    expect(await userByEmail(email)).toMatchObject({ firstName: "Zoé", lastName: "Gagnon", name: "Zoé Gagnon", locale: "fr" });
  });

  it("never renames someone who has signed in", async () => {
    const email = `${unique("signed-")}@example.test`;
    await createUser({ email, firstName: "Léa", lastName: "Roy", name: "Léa Roy", locale: "fr", emailVerified: new Date() });
    await importAs(await createOrg(), `email,first name,last name,language\n${email},Other,Person,en\n`);
    expect(await userByEmail(email)).toMatchObject({ firstName: "Léa", lastName: "Roy", locale: "fr" });
  });

  it("invites a person with an account (pending) instead of making them an active member", async () => {
    const email = `${unique("account-")}@example.test`;
    const person = await createUser({ email, emailVerified: new Date() });
    const org = await createOrg();
    await importAs(org, `email\n${email}\n`);
    expect(await db.select().from(memberships).where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, person.id)))).toEqual([]);
    const [invitation] = await db.select().from(invitations).where(and(eq(invitations.organizationId, org.id), eq(invitations.email, email)));
    expect(invitation.acceptedAt).toBeNull();
  });

  it("reports the same counts whether or not people have an account", async () => {
    const withAccount = await createUser({ email: `${unique("a-")}@example.test`, emailVerified: new Date() });
    const stranger = `${unique("b-")}@example.test`;
    const [first, second] = [await importAs(await createOrg(), `email\n${withAccount.email}\n`), await importAs(await createOrg(), `email\n${stranger}\n`)];
    const counts = (r: Record<string, unknown>) => ({ createdCount: r.createdCount, updatedCount: r.updatedCount, errorCount: r.errorCount });
    expect(counts(first)).toEqual(counts(second));
  });
});
