import { describe, expect, it } from "vitest";
import { getTranslator } from "@/lib/i18n/translator";
import { notificationText } from "@/lib/notifications/render";

const translate = (locale: "fr" | "en") => getTranslator(locale, "notifications");

describe("notification text", () => {
  const published = { type: "post_published", data: { postId: "post_1", title_fr: "Semaine 1", title_en: "Week 1" } };

  it("is written in the reader's language with the post's title in that language", () => {
    expect(notificationText(published, "fr", translate("fr"))).toBe("Nouvelle publication à partager : Semaine 1");
    expect(notificationText(published, "en", translate("en"))).toBe("New post to share: Week 1");
  });

  it("says something sensible for a type it does not know", () => {
    expect(notificationText({ type: "from_the_future", data: {} }, "fr", translate("fr"))).toBe("Nouvelle notification");
  });

  it("falls back to the other language's title when the post has only one", () => {
    expect(notificationText({ type: "post_published", data: { postId: "p", title_fr: "Semaine 1" } }, "en", translate("en"))).toBe("New post to share: Semaine 1");
  });
});
