// May a provider's sign-in attach itself to an existing Relais account found by its email?
// Only when the provider vouches for the address and for where it comes from: Google with a
// verified email in a Workspace domain the operator listed (AUTH_GOOGLE_ALLOWED_DOMAINS), Entra
// ID for the one tenant its issuer names (a multi-tenant issuer links nobody). Otherwise the
// person signs in by email first.
export type SsoProfile = { email?: string | null; email_verified?: boolean | string | null; hd?: string | null; tid?: string | null };
export type SsoLinkSettings = { googleDomains: string[]; entraIssuer?: string };

const MULTI_TENANT = new Set(["common", "organizations", "consumers"]);

export function entraTenantOf(issuer: string | undefined) {
  const tenant = issuer ? /login\.microsoftonline\.com\/([^/]+)/i.exec(issuer)?.[1]?.toLowerCase() : undefined;
  return tenant && !MULTI_TENANT.has(tenant) ? tenant : null;
}

export function mayLinkByEmail(provider: string, profile: SsoProfile | undefined, settings: SsoLinkSettings) {
  if (!profile?.email) return false;
  if (provider === "google") {
    const verified = profile.email_verified === true || profile.email_verified === "true";
    const domain = (profile.hd ?? "").toLowerCase();
    return verified && domain !== "" && settings.googleDomains.includes(domain) && profile.email.toLowerCase().endsWith(`@${domain}`);
  }
  if (provider === "microsoft-entra-id") {
    const tenant = entraTenantOf(settings.entraIssuer);
    return tenant !== null && (profile.tid ?? "").toLowerCase() === tenant;
  }
  return false;
}
