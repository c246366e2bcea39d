// GET /api/orgs/:org/imports/:id – progress of an import and its row errors (polled by the page)
import { NextResponse } from "next/server";
import { withOrg } from "@/lib/api";
import { findImportErrors, getImportOrThrow } from "@/lib/imports/queries";

export const GET = withOrg(
  async ({ tenant, params }) => {
    const summary = await getImportOrThrow(tenant, params.id);
    const errors = await findImportErrors(tenant, summary.id);
    return NextResponse.json({ ...summary, errors }, { headers: { "cache-control": "no-store" } });
  },
  { permission: "imports.write" },
);
