import { eq, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { GET as download } from "@/app/api/account/exports/[id]/[format]/route";
import { db } from "@/db/client";
import { accountDeletions, clicks, memberships, personalDataExports, shares, users } from "@/db/schema";
import { cancelAccountDeletion, DELETION_GRACE_MS, eraseAccountIfDue, leaveOrganization, requestAccountDeletion } from "@/lib/privacy/delete-account";
import { collectPersonalData, personalExportLinks } from "@/lib/privacy/export-personal-data";
import { producePersonalExportJob } from "@/lib/privacy/jobs";
import { PERSONAL_DATA } from "@/lib/privacy/personal-data";
import { identifyPerson, personRows } from "@/lib/privacy/person";
import { requestPersonalDataExportAction } from "@/lib/privacy/actions";
import { createMember, createOrg } from "@/tests/factories";
import { useWorker, waitForJobById } from "@/tests/setup/jobs";
import { actAs } from "@/tests/setup/request-context";
import { campaignTotals, personWithData, rowsMentioning } from "./fixtures";

useWorker([producePersonalExportJob], ["default"]);

const later = () => new Date(Date.now() + DELETION_GRACE_MS + 60_000);

async function countRows(table: string, where: ReturnType<typeof personRows>) {
  const [{ n }] = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`);
  return n;
}

describe("a member's data export", () => {
  it("contains every table the member has rows in, with all of their rows", async () => {
    const org = await createOrg();
    const { user } = await personWithData(org);
    const person = await identifyPerson(user.id);
    const exported = await collectPersonalData(person);
    const holding: string[] = [];
    for (const entry of PERSONAL_DATA) {
      const n = await countRows(entry.table, personRows(entry, person));
      if (n === 0) continue;
      holding.push(entry.table);
      if (entry.export === "none") continue;
      expect(exported[entry.table], entry.table).toBeDefined();
      if (entry.export === "rows") expect(exported[entry.table]).toHaveLength(n);
    }
    // The fixture reaches most of the registry, so the loop above checks something.
    expect(holding.length).toBeGreaterThanOrEqual(20);
    expect(exported.clicks).toEqual([expect.objectContaining({ clicks: 5 })]);
    expect(JSON.stringify(exported.sessions)).not.toContain("session_token");
    expect(JSON.stringify(exported.accounts)).not.toContain("access_token");
  });

  it("is produced by a job and downloaded as JSON and a CSV zip through a signed link", async () => {
    const org = await createOrg();
    const { user } = await personWithData(org);
    await actAs(user.id);
    const result = await requestPersonalDataExportAction({});
    expect(result.ok).toBe(true);
    const id = (result as { data: { id: string } }).data.id;
    await waitForJobById("default", `personal-export-${id}`);
    const [row] = await db.select().from(personalDataExports).where(eq(personalDataExports.id, id));
    const links = personalExportLinks(row)!;
    const get = (href: string) => {
      const url = new URL(href, "http://localhost:3000");
      const [, , , , exportId, format] = url.pathname.split("/");
      return download(new Request(url), { params: Promise.resolve({ id: exportId, format }) });
    };
    const json = await (await get(links.json)).json();
    expect(json.tables.users[0].email).toBe(user.email);
    const zip = unzipSync(new Uint8Array(await (await get(links.zip)).arrayBuffer()));
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(["data.json", "users.csv", "shares.csv", "memberships.csv"]));
    expect(strFromU8(zip["users.csv"])).toContain(user.email);

    const tampered = links.json.replace(/sig=[^&]+/, "sig=AAAA");
    expect((await get(tampered)).status).toBe(404);
    await db.update(personalDataExports).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(personalDataExports.id, id));
    expect((await get(links.json)).status).toBe(404);
  });
});

describe("account deletion", () => {
  it("leaves no row with the person's email, name or id, and campaign totals unchanged", async () => {
    const org = await createOrg();
    const { user, membership, campaign, other } = await personWithData(org);
    const before = await campaignTotals(campaign.id);
    await requestAccountDeletion(user.id);
    expect(await eraseAccountIfDue(user.id, later())).toEqual({ erased: true });
    expect(await rowsMentioning([user.id, membership.id, user.email, user.name!])).toEqual({});
    expect(await campaignTotals(campaign.id)).toEqual(before);
    // The other member keeps everything.
    expect(await db.select().from(shares).where(eq(shares.membershipId, other.membership.id))).toHaveLength(1);
    expect(await db.select().from(clicks).where(eq(clicks.membershipId, other.membership.id))).toHaveLength(3);
  });

  it("waits for the grace period, and a cancelled request erases nothing", async () => {
    const org = await createOrg();
    const { user } = await personWithData(org);
    await requestAccountDeletion(user.id);
    expect(await eraseAccountIfDue(user.id)).toEqual({ erased: false });
    await cancelAccountDeletion(user.id);
    expect(await eraseAccountIfDue(user.id, later())).toEqual({ erased: false });
    expect(await db.select().from(users).where(eq(users.id, user.id))).toHaveLength(1);
  });

  it("refuses the last owner of an organisation until it is handed over", async () => {
    const org = await createOrg();
    const { user } = await createMember(org, { role: "owner" });
    await expect(requestAccountDeletion(user.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await db.select().from(accountDeletions).where(eq(accountDeletions.userId, user.id))).toHaveLength(0);
    await createMember(org, { role: "owner" });
    await expect(requestAccountDeletion(user.id)).resolves.toMatchObject({ userId: user.id });
  });
});

describe("leaving an organisation", () => {
  it("erases what that organisation holds and nothing of another", async () => {
    const [a, b] = [await createOrg(), await createOrg()];
    const { user, membership, campaign } = await personWithData(a);
    const inB = await createMember(b, { role: "staff", user });
    const before = await campaignTotals(campaign.id);
    await leaveOrganization(user.id, a.id, "erase");
    expect(await rowsMentioning([membership.id])).toEqual({});
    expect(await campaignTotals(campaign.id)).toEqual(before);
    expect(await db.select().from(memberships).where(eq(memberships.id, inB.membership.id))).toHaveLength(1);
    expect(await db.select().from(users).where(eq(users.id, user.id))).toHaveLength(1);
  });

  it("keeps the history when asked, with the membership deactivated", async () => {
    const org = await createOrg();
    const { user, membership } = await personWithData(org);
    await leaveOrganization(user.id, org.id, "keep");
    const [row] = await db.select().from(memberships).where(eq(memberships.id, membership.id));
    expect(row.status).toBe("deactivated");
    expect(await db.select().from(shares).where(eq(shares.membershipId, membership.id))).toHaveLength(2);
  });
});
