import { describe, expect, it } from "vitest";
import { entraTenantOf, mayLinkByEmail } from "@/lib/auth/sso-linking";

const settings = { googleDomains: ["syndicat.example"], entraIssuer: "https://login.microsoftonline.com/1111-2222/v2.0" };

describe("linking an SSO sign-in to an existing account by email", () => {
  it("is allowed for a verified Google address in a listed Workspace domain", () => {
    expect(mayLinkByEmail("google", { email: "lea@syndicat.example", email_verified: true, hd: "syndicat.example" }, settings)).toBe(true);
  });

  it.each([
    ["an unverified Google address", { email: "lea@syndicat.example", email_verified: false, hd: "syndicat.example" }],
    ["a personal Gmail account", { email: "victim@gmail.com", email_verified: true }],
    ["a Workspace domain nobody listed", { email: "lea@other.example", email_verified: true, hd: "other.example" }],
    ["an address outside its hosted domain", { email: "victim@syndicat.example.evil", email_verified: true, hd: "syndicat.example" }],
  ])("is refused for %s", (_n, profile) => {
    expect(mayLinkByEmail("google", profile, settings)).toBe(false);
  });

  it("is allowed for Entra ID from the configured tenant only", () => {
    expect(mayLinkByEmail("microsoft-entra-id", { email: "a@x.example", tid: "1111-2222" }, settings)).toBe(true);
    expect(mayLinkByEmail("microsoft-entra-id", { email: "a@x.example", tid: "9999" }, settings)).toBe(false);
  });

  it("is refused for a multi-tenant or missing Entra issuer", () => {
    expect(entraTenantOf("https://login.microsoftonline.com/common/v2.0")).toBeNull();
    expect(entraTenantOf(undefined)).toBeNull();
    expect(mayLinkByEmail("microsoft-entra-id", { email: "a@x.example", tid: "common" }, { googleDomains: [], entraIssuer: "https://login.microsoftonline.com/organizations/v2.0" })).toBe(false);
  });
});
