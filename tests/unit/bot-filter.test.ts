import { describe, expect, it } from "vitest";
import { isPrefetch, requestFilter, userAgentFilter } from "@/lib/clicks/bot-filter";

const CHROME_ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const SAFARI_IOS = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const LINKEDIN_APP = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.6";
const FACEBOOK_APP = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/470.0.0.40.97]";
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

const PREVIEW_FETCHERS: Record<string, string> = {
  LinkedInBot: "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
  facebookexternalhit: "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
  Twitterbot: "Twitterbot/1.0",
  Slackbot: "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
  WhatsApp: "WhatsApp/2.23.20.0 A",
  TelegramBot: "TelegramBot (like TwitterBot)",
  Discordbot: "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
  Bluesky: "Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)",
  Mastodon: "http.rb/5.1.1 (Mastodon/4.2.1; +https://mastodon.social/)",
  "Mastodon (newer)": "Mastodon/4.3.0 (http.rb/5.2.0; +https://mstdn.ca/) Bot",
  Threads: "meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)",
  "Teams and Skype": "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com",
  "Outlook's preview": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 MicrosoftPreview/2.0 +https://aka.ms/MicrosoftPreview",
};

const ROBOTS: Record<string, string> = {
  Googlebot: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  curl: "curl/8.5.0",
  "python-requests": "python-requests/2.32.3",
};

const browser = { "user-agent": CHROME_ANDROID, "sec-fetch-dest": "document" };

describe("bot filter", () => {
  it.each(Object.entries(PREVIEW_FETCHERS))("files %s's fetcher as a link preview", (_name, userAgent) => {
    expect(userAgentFilter(userAgent)).toBe("preview");
    expect(requestFilter("GET", { "user-agent": userAgent })).toBe("preview");
  });

  it.each(Object.entries(ROBOTS))("files %s as a robot", (_name, userAgent) => {
    expect(requestFilter("GET", { "user-agent": userAgent })).toBe("bot");
  });

  it.each([
    ["Chrome on Android", CHROME_ANDROID],
    ["Safari on iPhone", SAFARI_IOS],
    ["LinkedIn's in-app browser", LINKEDIN_APP],
    ["Facebook's in-app browser", FACEBOOK_APP],
    ["Firefox on Linux", FIREFOX],
  ])("counts a click from %s", (_name, userAgent) => {
    expect(requestFilter("GET", { "user-agent": userAgent })).toBeNull();
  });

  it("files a request without a user agent as a robot", () => {
    expect(requestFilter("GET", {})).toBe("bot");
  });

  it("files HEAD requests as head, whoever sends them", () => {
    expect(requestFilter("HEAD", browser)).toBe("head");
    expect(requestFilter("HEAD", { "user-agent": PREVIEW_FETCHERS.LinkedInBot })).toBe("head");
  });

  it.each([
    ["Sec-Purpose: prefetch", { "sec-purpose": "prefetch" }],
    ["Sec-Purpose: prefetch;prerender", { "sec-purpose": "prefetch;prerender" }],
    ["Purpose: prefetch", { purpose: "prefetch" }],
    ["X-Moz: prefetch", { "x-moz": "prefetch" }],
    ["X-Purpose: preview", { "x-purpose": "preview" }],
    ["Sec-Fetch-Dest: empty (fetch, link prefetch)", { "sec-fetch-dest": "empty" }],
    ["Sec-Fetch-Dest: image", { "sec-fetch-dest": "image" }],
  ])("files a browser prefetch announced by %s as a prefetch", (_name, headers) => {
    expect(isPrefetch({ ...browser, ...headers })).toBe(true);
    expect(requestFilter("GET", { ...browser, ...headers })).toBe("prefetch");
  });

  it("counts a navigation into a frame", () => {
    expect(requestFilter("GET", { ...browser, "sec-fetch-dest": "iframe" })).toBeNull();
  });
});
