import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, localeFromRequest } from "@/lib/i18n/locales";

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

describe("localeFromRequest", () => {
  it("keeps the language picked before over the workspace's and the browser's", () => {
    expect(localeFromRequest({ cookie: "en", workspaceLocale: "fr", acceptLanguage: "fr-CA" })).toBe("en");
  });

  it("falls back to the workspace's language, then the browser's", () => {
    expect(localeFromRequest({ cookie: "xx", workspaceLocale: "en", acceptLanguage: "fr-CA" })).toBe("en");
    expect(localeFromRequest({ cookie: null, acceptLanguage: "en-US" })).toBe("en");
  });

  it("answers French when the request says nothing usable", () => {
    expect(localeFromRequest({ acceptLanguage: "de-DE" })).toBe("fr");
  });
});
