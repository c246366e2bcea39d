import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en/analytics.json";
import fr from "@/messages/fr/analytics.json";

// The filtered clicks' reasons agree with their count in both languages ("1 repeat", not "1 repeats").
describe("analytics reasons", () => {
  const say = (locale: "en" | "fr", messages: typeof en, reason: keyof typeof en.reasons, count: number) =>
    createTranslator({ locale, messages: { analytics: messages }, namespace: "analytics" })(`reasons.${reason}`, { count });

  it("are singular for one and plural for more, in English", () => {
    expect(say("en", en, "repeat", 1)).toBe("1 repeat");
    expect(say("en", en, "repeat", 2)).toBe("2 repeats");
    expect(say("en", en, "preview", 1)).toBe("1 link preview");
    expect(say("en", en, "preview", 1234)).toBe("1,234 link previews");
    expect(say("en", en, "self", 1)).toBe("1 own click");
  });

  it("follow French rules: 0 and 1 are singular", () => {
    expect(say("fr", fr, "repeat", 1)).toBe("1 répétition");
    expect(say("fr", fr, "repeat", 0)).toBe("0 répétition");
    expect(say("fr", fr, "repeat", 3)).toBe("3 répétitions");
    expect(say("fr", fr, "head", 1)).toBe("1 requête HEAD");
  });
});
