// GET /api/orgs/:org/contests/:id/export – the standings as CSV (final once closed)
import { withOrg } from "@/lib/api";
import { exportStandings } from "@/lib/contests/export-standings";

export const GET = withOrg(
  async ({ tenant, params }) => {
    const { csv, filename } = await exportStandings(tenant, params.id);
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
    });
  },
  { permission: "contests.write" },
);
