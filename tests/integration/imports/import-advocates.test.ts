import { and, eq, inArray, ne } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { groupMembers, groups, imports, invitations, memberships, users } from "@/db/schema";
import { GET as getProgress } from "@/app/api/orgs/[org]/imports/[id]/route";
import { POST as upload } from "@/app/api/orgs/[org]/imports/route";
import { MAX_IMPORT_BYTES } from "@/lib/imports/parse-csv";
import { activateInvitedMemberships } from "@/lib/imports/queries";
import { importAdvocatesJob } from "@/lib/imports/jobs";
import { startJobRunner } from "@/workers/job-runner";
import { createGroup, createMember, createOrg, createUser, unique } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";
import { until, waitForJob } from "../invitations/support";

let workers: ReturnType<typeof startJobRunner>;

beforeAll(() => {
  workers = startJobRunner({ jobs: [importAdvocatesJob], queues: ["imports"] });
});

afterAll(async () => {
  await workers.close();
});

type Org = Awaited<ReturnType<typeof createOrg>>;

// The lead who uploads; left out of peopleOf().
async function leadOf(org: Org) {
  const { user } = await createMember(org, { role: "lead" });
  await actAs(user.id);
}

function post(org: Org, content: Uint8Array<ArrayBuffer> | string, name = "membres.csv") {
  const body = new FormData();
  body.set("file", new File([content], name, { type: "text/csv" }));
  return upload(new NextRequest(`http://localhost:3000/api/orgs/${org.slug}/imports`, { method: "POST", body }), { params: Promise.resolve({ org: org.slug }) });
}

async function progress(org: Org, id: string) {
  const response = await getProgress(new NextRequest(`http://localhost:3000/api/orgs/${org.slug}/imports/${id}`), { params: Promise.resolve({ org: org.slug, id }) });
  return response.json();
}

// Uploads through the route handler, then waits for the real worker to finish the job.
async function importFile(org: Org, content: Uint8Array<ArrayBuffer> | string) {
  const response = await post(org, content);
  expect(response.status).toBe(201);
  const { id } = await response.json();
  await until(() => progress(org, id), (p) => p.status === "completed" || p.status === "failed");
  return progress(org, id);
}

async function peopleOf(org: Org) {
  return db
    .select({ email: users.email, firstName: users.firstName, lastName: users.lastName, locale: users.locale, role: memberships.role, status: memberships.status, membershipId: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, org.id), ne(memberships.role, "lead")));
}

async function groupNamesOf(membershipId: string) {
  const rows = await db.select({ name: groups.name }).from(groupMembers).innerJoin(groups, eq(groups.id, groupMembers.groupId)).where(eq(groupMembers.membershipId, membershipId));
  return rows.map((r) => r.name).sort();
}

const mail = (name: string) => `${name}.${unique()}@exemple.org`;

describe("CSV import of advocates", () => {
  it("imports a file saved by Excel in French: semicolons and Windows-1252 accents", async () => {
    const org = await createOrg();
    await leadOf(org);
    const a = mail("helene");
    const csv = `Courriel;Prénom;Nom;Langue;Groupes\r\n${a};Hélène;Côté;français;Montréal|Éducateurs\r\n`;
    const report = await importFile(org, new Uint8Array(Buffer.from(csv, "latin1")));
    expect(report).toMatchObject({ status: "completed", totalRows: 1, processedRows: 1, createdCount: 1, errorCount: 0 });
    const [person] = await peopleOf(org);
    expect(person).toMatchObject({ email: a, firstName: "Hélène", lastName: "Côté", locale: "fr", role: "advocate", status: "invited" });
    expect(await groupNamesOf(person.membershipId)).toEqual(["Montréal", "Éducateurs"].sort());
  });

  it("reads a UTF-8 file with a byte order mark and English headers", async () => {
    const org = await createOrg();
    await leadOf(org);
    const a = mail("chloe");
    const report = await importFile(org, `\uFEFFEmail,First name,Last name,Language,Groups\n${a},Chloé,Bélanger,en,Relève\n`);
    expect(report).toMatchObject({ status: "completed", createdCount: 1 });
    expect((await peopleOf(org))[0]).toMatchObject({ email: a, firstName: "Chloé", lastName: "Bélanger", locale: "en" });
  });

  it("reads quoted fields holding the separator, quotes and a line break", async () => {
    const org = await createOrg();
    await leadOf(org);
    const a = mail("jf");
    const report = await importFile(org, `courriel,prénom,nom,groupes\n${a},"Jean-François","St-Pierre, ""fils""","Conseil,\nQuébec"\nnot-an-email,,,\n`);
    // The record spanning two text lines is one spreadsheet row: the next one is row 3.
    expect(report).toMatchObject({ status: "completed", createdCount: 1, errors: [{ line: 3, code: "invalid_email" }] });
    const [person] = await peopleOf(org);
    expect(person.lastName).toBe('St-Pierre, "fils"');
    expect(await groupNamesOf(person.membershipId)).toEqual(["Conseil", "Québec"]);
  });

  it("reports each bad row with its spreadsheet line number and reason, and imports the good rows", async () => {
    const org = await createOrg();
    await leadOf(org);
    const [good, twice, other] = [mail("good"), mail("twice"), mail("other")];
    const csv = [
      "courriel;prénom;nom;langue",
      `${good};Léa;Roy;fr`, // line 2
      "", // line 3: blank, skipped
      "pas-une-adresse;Jules;Morin;fr", // line 4
      `${twice.toUpperCase()};Jules;Morin;en`, // line 5
      `${twice};Jules;Morin;en`, // line 6: same address as line 5
      `${other};Ana;Da Silva;espagnol`, // line 7
      `${mail("wide")};Sami;Haddad;fr;extra`, // line 8
      ";Sans;Adresse;fr", // line 9
      ";;;", // line 10: blank as Excel writes it
      "",
    ].join("\r\n");
    const report = await importFile(org, csv);
    expect(report).toMatchObject({ status: "completed", createdCount: 2, errorCount: 5 });
    expect(report.errors).toEqual([
      { line: 4, code: "invalid_email", value: "pas-une-adresse" },
      { line: 6, code: "duplicate_in_file", value: twice },
      { line: 7, code: "unknown_language", value: "espagnol" },
      { line: 8, code: "too_many_columns", value: null },
      { line: 9, code: "missing_email", value: null },
    ]);
    expect((await peopleOf(org)).map((p) => p.email).sort()).toEqual([good, twice].sort());
  });

  it("updates people already imported, matched by email whatever the case, instead of duplicating them", async () => {
    const org = await createOrg();
    await leadOf(org);
    const a = mail("nadia");
    await importFile(org, `email,first name,last name,groups\n${a},Nadia,Tran,Montréal\n`);
    const report = await importFile(org, `email,first name,last name,groups\n${a.toUpperCase()},Nadia,Tran-Lévesque,Québec\n`);
    expect(report).toMatchObject({ createdCount: 0, updatedCount: 1 });
    const people = await peopleOf(org);
    expect(people).toHaveLength(1);
    expect(people[0].lastName).toBe("Tran-Lévesque");
    expect(await groupNamesOf(people[0].membershipId)).toEqual(["Montréal", "Québec"]);
  });

  it("never overwrites the profile of someone who has signed in, nor demotes a member", async () => {
    const org = await createOrg();
    await leadOf(org);
    const signedIn = await createUser({ firstName: "Marie-Ève", lastName: "Simard", emailVerified: new Date() });
    await createMember(org, { role: "staff", user: signedIn });
    await importFile(org, `email,first name,last name\n${signedIn.email},Marie,Autre\n`);
    const [person] = (await peopleOf(org)).filter((p) => p.email === signedIn.email);
    expect(person).toMatchObject({ firstName: "Marie-Ève", lastName: "Simard", role: "staff", status: "active" });
  });

  it("invites someone who already has an account instead of adding them (pending until they accept)", async () => {
    const org = await createOrg();
    await leadOf(org);
    const elsewhere = await createUser({ emailVerified: new Date() });
    const report = await importFile(org, `email\n${elsewhere.email}\n`);
    expect(await peopleOf(org)).toEqual([]);
    const [invitation] = await db.select().from(invitations).where(and(eq(invitations.organizationId, org.id), eq(invitations.email, elsewhere.email)));
    expect(invitation).toMatchObject({ role: "advocate", acceptedAt: null });
    expect(report).toMatchObject({ createdCount: 1, updatedCount: 0 });
  });

  it("reuses existing groups whatever their case and creates the unknown ones", async () => {
    const org = await createOrg();
    await leadOf(org);
    const existing = await createGroup(org, "Montréal");
    await importFile(org, `email,groups\n${mail("a")},montréal|Laval\n${mail("b")},LAVAL\n`);
    const rows = await db.select().from(groups).where(eq(groups.organizationId, org.id));
    expect(rows.map((g) => g.name).sort()).toEqual(["Laval", "Montréal"]);
    expect(await db.select().from(groupMembers).where(eq(groupMembers.groupId, existing.id))).toHaveLength(1);
  });

  it("keeps imported advocates invited until they first sign in", async () => {
    const org = await createOrg();
    await leadOf(org);
    const a = mail("invited");
    await importFile(org, `email\n${a}\n`);
    const [person] = await peopleOf(org);
    expect(person.status).toBe("invited");
    const [user] = await db.select().from(users).where(eq(users.email, a));
    await activateInvitedMemberships(user.id);
    expect((await peopleOf(org))[0].status).toBe("active");
  });

  it("changes nothing when the job runs a second time", async () => {
    const org = await createOrg();
    await leadOf(org);
    const rows = Array.from({ length: 30 }, (_, i) => `${mail(`p${i}`)},Prénom,Nom,fr,Groupe ${i % 3}`);
    const report = await importFile(org, `email,first name,last name,language,groups\n${rows.join("\n")}\n`);
    const before = await db.select().from(groupMembers).where(eq(groupMembers.organizationId, org.id));
    await waitForJob("imports", await importAdvocatesJob.enqueue({ orgId: org.id, importId: report.id }, { jobId: `again-${report.id}` }));
    expect(await progress(org, report.id)).toMatchObject({ createdCount: 30, updatedCount: 0, processedRows: 30 });
    expect(await peopleOf(org)).toHaveLength(30);
    expect(await db.select().from(groupMembers).where(eq(groupMembers.organizationId, org.id))).toHaveLength(before.length);
  });

  it("resumes after the last committed batch when a run stopped half-way, without duplicating anyone", async () => {
    const org = await createOrg();
    await leadOf(org);
    const rows = Array.from({ length: 2_500 }, (_, i) => `${mail(`r${i}`)},Groupe ${i % 4}`);
    const report = await importFile(org, `email,groups\n${rows.join("\n")}\n`);
    // As if the worker died after committing the first batch of 1,000 rows.
    await db.update(imports).set({ status: "processing", processedRows: 1_000 }).where(eq(imports.id, report.id));
    await waitForJob("imports", await importAdvocatesJob.enqueue({ orgId: org.id, importId: report.id }, { jobId: `resume-${report.id}` }));
    expect(await progress(org, report.id)).toMatchObject({ status: "completed", processedRows: 2_500, createdCount: 2_500 });
    expect(await peopleOf(org)).toHaveLength(2_500);
    expect(await db.select().from(groupMembers).where(eq(groupMembers.organizationId, org.id))).toHaveLength(2_500);
  });
});

describe("uploading an import file", () => {
  it("refuses a file over the size limit with its reason", async () => {
    const org = await createOrg();
    await leadOf(org);
    const response = await post(org, `email\n${"x".repeat(MAX_IMPORT_BYTES)}\n`);
    expect(response.status).toBe(400);
    expect((await response.json()).error.details).toMatchObject({ reason: "file_too_large" });
    expect(await db.select().from(imports).where(eq(imports.organizationId, org.id))).toHaveLength(0);
  });

  it("refuses a file whose first line has no email column", async () => {
    const org = await createOrg();
    await leadOf(org);
    const response = await post(org, "nom;prénom\nRoy;Léa\n");
    expect((await response.json()).error.details).toMatchObject({ reason: "missing_email_column" });
  });

  it("is refused to staff", async () => {
    const org = await createOrg();
    const { user } = await createMember(org, { role: "staff" });
    await actAs(user.id);
    expect((await post(org, `email\n${mail("x")}\n`)).status).toBe(403);
    const imported = await db.select().from(imports).where(and(eq(imports.organizationId, org.id), inArray(imports.status, ["pending", "processing", "completed"])));
    expect(imported).toHaveLength(0);
  });
});
