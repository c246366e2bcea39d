import "server-only";
import { db } from "@/db/client";
import { toCsv } from "@/lib/csv/write";
import type { Tenant } from "@/lib/tenancy";
import { getContestOrThrow } from "./queries";
import { ledgerStandings } from "./standings";

// The final (or, before the close, current) standings from the ledger, as CSV.
export async function exportStandings(tenant: Tenant, contestId: string) {
  const contest = await getContestOrThrow(tenant, contestId);
  const standings = await ledgerStandings(db, contest);
  const rows = standings.map((s) => [s.rank, s.name, s.points, s.qualifies ? "yes" : "no", s.prizeFr, s.prizeEn]);
  const csv = toCsv(["rank", "name", "points", "qualifies", "prize_fr", "prize_en"], rows);
  const slug = contest.nameEn.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "contest";
  return { csv, filename: `${slug}-standings.csv`, final: Boolean(contest.closedAt) };
}
