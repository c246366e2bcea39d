// GET /api/orgs/:org/contests/:id/export – the standings as CSV (final once closed)
import { withOrg } from "@/lib/api";
import { exportStandings } from "@/lib/contests/export-standings";
import { csvResponse } from "@/lib/csv/write";

export const GET = withOrg(
  async ({ tenant, params }) => {
    const { csv, filename } = await exportStandings(tenant, params.id);
    return csvResponse(filename, csv);
  },
  { permission: "contests.write" },
);
