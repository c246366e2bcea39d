import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { memberships } from "@/db/schema";
import { createOrganizationAction } from "@/lib/organizations/actions";
import { actAs } from "@/tests/setup/request-context";
import { createOrg, createUser, unique } from "@/tests/factories";

function form(values: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

describe("create organisation", () => {
  it("makes the creator its owner and redirects to its workspace", async () => {
    const user = await createUser();
    await actAs(user.id);
    const slug = unique("org-");
    await expect(createOrganizationAction(null, form({ name: "Réseau test", slug, defaultLocale: "fr" }))).rejects.toThrow(/NEXT_REDIRECT/);
    const rows = await db.select().from(memberships).where(eq(memberships.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].role).toBe("owner");
  });

  it("refuses a slug that is taken with a conflict code", async () => {
    const taken = await createOrg();
    const user = await createUser();
    await actAs(user.id);
    const result = await createOrganizationAction(null, form({ name: "Copie", slug: taken.slug }));
    expect(result).toEqual({ ok: false, code: "conflict" });
  });

  it("refuses a signed-out caller", async () => {
    await actAs(null);
    const result = await createOrganizationAction(null, form({ name: "Anonyme", slug: unique("org-") }));
    expect(result).toEqual({ ok: false, code: "unauthorized" });
  });
});
