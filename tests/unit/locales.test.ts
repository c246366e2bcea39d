import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";

describe("localeFromAcceptLanguage", () => {
  it("picks French for a Québec browser", () => {
    expect(localeFromAcceptLanguage("fr-CA,fr;q=0.9,en;q=0.8")).toBe("fr");
  });

  it("honours weights over order", () => {
    expect(localeFromAcceptLanguage("fr;q=0.3,en-US;q=0.9")).toBe("en");
  });

  it("skips languages Relais does not speak", () => {
    expect(localeFromAcceptLanguage("es-MX,en;q=0.5")).toBe("en");
  });

  it("returns null when nothing matches or the header is missing", () => {
    expect(localeFromAcceptLanguage("de-DE")).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });
});
