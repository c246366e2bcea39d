import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { imports } from "@/db/schema";
import type { CrossOrgRouteCase } from "../types";

export const routeCases: CrossOrgRouteCase[] = [
  {
    route: "app/api/orgs/[org]/imports/route.ts#POST",
    async request({ foreign }) {
      const body = new FormData();
      body.set("file", new File(["email\nintruder@example.test\n"], "list.csv", { type: "text/csv" }));
      return { params: { org: foreign.org.slug }, init: { body }, url: `http://localhost:3000/api/orgs/${foreign.org.slug}/imports` };
    },
  },
  {
    route: "app/api/orgs/[org]/imports/[id]/route.ts#GET",
    async request({ own, foreign }) {
      const [row] = await db.insert(imports).values({ organizationId: foreign.org.id, fileName: "theirs.csv", content: "email\n" }).returning();
      const [stored] = await db.select().from(imports).where(eq(imports.id, row.id));
      expect(stored.organizationId).toBe(foreign.org.id);
      return { params: { org: own.org.slug, id: row.id }, url: `http://localhost:3000/api/orgs/${own.org.slug}/imports/${row.id}` };
    },
  },
];
