import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { csvChunks, toCsv } from "@/lib/csv/write";

const read = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;

describe("every CSV Relais hands out", () => {
  it("starts with a BOM, ends lines with CRLF and shows formulae as text", () => {
    const csv = toCsv(["name", "points"], [["=HYPERLINK(\"http://evil.example\")", 3], ["Élise, \"la\" militante", -2]]);
    expect(csv.startsWith("\uFEFFname,points\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(read(csv)).toEqual([["name", "points"], ["'=HYPERLINK(\"http://evil.example\")", "3"], ["Élise, \"la\" militante", "-2"]]);
  });

  it("streams the same bytes as the whole file, one batch at a time", async () => {
    const rows = [{ a: "+1", b: "x" }, { a: "y", b: null }, { a: "@SUM(A1)", b: "z" }];
    let streamed = "";
    for await (const chunk of csvChunks([{ key: "a", label: "A" }, { key: "b", label: "B" }], [rows.slice(0, 1), [], rows.slice(1)])) streamed += chunk;
    expect(streamed).toBe(toCsv(["A", "B"], rows.map((r) => [r.a, r.b ?? ""])));
    expect(read(streamed)[1]).toEqual(["'+1", "x"]);
  });
});
