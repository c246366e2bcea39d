import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { DETAIL_COLUMNS, detailBatches } from "@/lib/analytics/export";
import { csvChunks } from "@/lib/csv/write";
import { sharedLink } from "../tracked-links/support";
import { applyEvents, ingest } from "./support";

async function text(chunks: AsyncIterable<string>) {
  let out = "";
  for await (const chunk of chunks) out += chunk;
  return out;
}

const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;

describe("CSV exports", () => {
  it("round-trip awkward values and never hand a spreadsheet a formula", async () => {
    const columns = [
      { key: "name", label: "name" },
      { key: "n", label: "n" },
    ];
    const rows = [
      { name: "=HYPERLINK(\"http://evil\")", n: 1 },
      { name: "+33 6 12", n: -2 },
      { name: "@SUM(A1)", n: 3 },
      { name: "Élise, « guillemets » \"doubles\"\nsur deux lignes 🎉", n: 4 },
      { name: "-1+1", n: 5 },
    ];
    const csv = await text(csvChunks(columns, [rows.slice(0, 2), [], rows.slice(2)]));
    expect(csv.startsWith("\uFEFFname,n\r\n")).toBe(true);
    expect(parse(csv)).toEqual([
      ["name", "n"],
      ["'=HYPERLINK(\"http://evil\")", "1"],
      ["'+33 6 12", "-2"],
      ["'@SUM(A1)", "3"],
      ["Élise, « guillemets » \"doubles\"\nsur deux lignes 🎉", "4"],
      ["'-1+1", "5"],
    ]);
  });

  it("streams the rollups' finest rows, which add up to the dashboard's figures", async () => {
    const { org, code } = await sharedLink();
    const now = Date.now();
    await ingest(code, [{ at: now }, { at: now, filter: "preview" }, { at: now }, { at: now, filter: "bot" }]);
    await applyEvents(org.id);
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(now - 2 * 86_400_000).toISOString().slice(0, 10);
    const csv = await text(csvChunks(DETAIL_COLUMNS, detailBatches({ orgId: org.id }, { from, to: today })));
    const [header, ...lines] = parse(csv);
    expect(header).toEqual(DETAIL_COLUMNS.map((c) => c.label));
    const sum = (label: string) => lines.reduce((acc, line) => acc + Number(line[header.indexOf(label)]), 0);
    expect([sum("shares"), sum("human_clicks"), sum("filtered_clicks")]).toEqual([1, 2, 2]);
  });
});
