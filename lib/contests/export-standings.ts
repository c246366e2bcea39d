import "server-only";
import Papa from "papaparse";
import { db } from "@/db/client";
import type { Tenant } from "@/lib/tenancy";
import { getContestOrThrow } from "./queries";
import { ledgerStandings } from "./standings";

// A cell a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "@SUM", a tab) is
// read as text: a leading apostrophe, as OWASP advises for CSV injection.
const FORMULA = /^[=+\-@\t\r]/;
export const safeCell = (value: string | number) => (typeof value === "string" && FORMULA.test(value) ? `'${value}` : value);

// The final (or, before the close, current) standings from the ledger, as CSV.
export async function exportStandings(tenant: Tenant, contestId: string) {
  const contest = await getContestOrThrow(tenant, contestId);
  const standings = await ledgerStandings(db, contest);
  const rows = standings.map((s) => [s.rank, s.name, s.points, s.qualifies ? "yes" : "no", s.prizeFr, s.prizeEn].map(safeCell));
  const csv = Papa.unparse({ fields: ["rank", "name", "points", "qualifies", "prize_fr", "prize_en"], data: rows });
  const slug = contest.nameEn.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "contest";
  return { csv: `\uFEFF${csv}\r\n`, filename: `${slug}-standings.csv`, final: Boolean(contest.closedAt) };
}
