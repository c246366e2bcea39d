import type { Permission } from "@/lib/auth/permissions";

// The workspace navigation; each entry shows only to roles that hold its permission.
export const NAV_ITEMS: { key: string; href: string; permission: Permission }[] = [
  { key: "feed", href: "", permission: "feed.read" },
  { key: "impact", href: "/impact", permission: "shares.write" },
  { key: "members", href: "/members", permission: "members.read" },
  { key: "groups", href: "/groups", permission: "groups.write" },
  { key: "invites", href: "/invites", permission: "invites.write" },
  { key: "settings", href: "/settings", permission: "org.settings" },
  { key: "integrations", href: "/settings/integrations", permission: "campaigns.write" },
];
