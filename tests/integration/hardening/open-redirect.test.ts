import { describe, expect, it } from "vitest";
import SignInPage from "@/app/sign-in/page";
import { createUser } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";

async function redirectOf(callbackUrl: string) {
  try {
    await SignInPage({ searchParams: Promise.resolve({ callbackUrl }) });
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? "");
    const match = /^NEXT_REDIRECT;[a-z]+;(.*);\d+;/.exec(digest);
    if (match) return match[1];
    throw error;
  }
  throw new Error("The sign-in page did not redirect a signed-in person");
}

describe("sign-in callbackUrl for a signed-in person", () => {
  it.each([
    ["/\\evil.example"],
    ["/%5Cevil.example"],
    ["//evil.example"],
    ["/%2F%2Fevil.example"],
    ["/\t/evil.example"],
    ["https://evil.example/"],
  ])("never sends %s to another origin", async (callbackUrl) => {
    const user = await createUser();
    await actAs(user.id);
    expect(await redirectOf(callbackUrl)).toBe("/");
  });

  it("keeps a path inside Relais", async () => {
    const user = await createUser();
    await actAs(user.id);
    expect(await redirectOf("/acme/feed?page=2")).toBe("/acme/feed?page=2");
  });
});
