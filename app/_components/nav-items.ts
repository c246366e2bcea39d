import type { Permission } from "@/lib/auth/permissions";

// The workspace navigation; each entry shows only to roles that hold its permission.
export const NAV_ITEMS: { key: string; href: string; permission: Permission }[] = [
  { key: "feed", href: "", permission: "feed.read" },
  { key: "campaigns", href: "/campaigns", permission: "campaigns.write" },
  { key: "calendar", href: "/campaigns/calendar", permission: "campaigns.write" },
  { key: "posts", href: "/posts", permission: "posts.write" },
  { key: "suggestions", href: "/suggestions", permission: "posts.write" },
  { key: "suggest", href: "/suggest", permission: "posts.suggest" },
  { key: "notifications", href: "/notifications", permission: "org.read" },
  { key: "impact", href: "/impact", permission: "shares.write" },
  { key: "members", href: "/members", permission: "members.read" },
  { key: "groups", href: "/groups", permission: "groups.write" },
  { key: "invites", href: "/invites", permission: "invites.write" },
  { key: "settings", href: "/settings", permission: "org.settings" },
  { key: "integrations", href: "/settings/integrations", permission: "campaigns.write" },
  { key: "privacy_settings", href: "/settings/privacy", permission: "org.settings" },
  { key: "privacy", href: "/privacy", permission: "org.read" },
  { key: "contests", href: "/contests", permission: "feed.read" },
  { key: "alerts", href: "/alerts", permission: "alerts.write" },
  { key: "preferences", href: "/preferences", permission: "org.read" },
  { key: "analytics", href: "/analytics", permission: "analytics.read" },
];
