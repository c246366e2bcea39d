import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERSONAL_DATA } from "@/lib/privacy/personal-data";
import { processingRegister, retentionStatements } from "@/lib/privacy/register";
import { RETENTION_DEFAULTS } from "@/lib/privacy/schemas";

const settings = { ...RETENTION_DEFAULTS, privacyNoticeUrl: null };
const messages = (locale: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../messages/${locale}/privacy.json`), "utf8"));

describe("processing register", () => {
  it("places every table of the registry under exactly one purpose", () => {
    const listed = processingRegister(settings).flatMap((line) => line.tables);
    expect(listed.sort()).toEqual(PERSONAL_DATA.map((e) => e.table).sort());
  });

  it.each(["fr", "en"])("has words in %s for every purpose, retention and statement", (locale) => {
    const m = messages(locale);
    for (const line of processingRegister(settings)) {
      expect(m.register.purposes[line.purpose], line.purpose).toMatchObject({ title: expect.any(String), data: expect.any(String), why: expect.any(String) });
      expect(m.register.retention[line.retention.key], line.retention.key).toEqual(expect.any(String));
    }
    for (const s of retentionStatements({ ...settings, importFileDays: 3 })) expect(m.kept[s.key], s.key).toEqual(expect.any(String));
  });
});
