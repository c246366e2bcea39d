import type { Role } from "@/db/schema/enums";

export const ROLES = ["owner", "admin", "lead", "staff", "advocate"] as const satisfies readonly Role[];

// The one permission matrix. Pages, actions, route handlers and the UI all read it.
const MATRIX = {
  "org.read": ["owner", "admin", "lead", "staff", "advocate"],
  "org.settings": ["owner", "admin"],
  "members.read": ["owner", "admin", "lead"],
  "members.write": ["owner", "admin"],
  "groups.write": ["owner", "admin", "lead"],
  "invites.write": ["owner", "admin", "lead"],
  "imports.write": ["owner", "admin", "lead"],
  "campaigns.read": ["owner", "admin", "lead", "staff", "advocate"],
  "campaigns.write": ["owner", "admin", "lead"],
  "posts.write": ["owner", "admin", "lead"],
  "posts.approve": ["owner", "admin", "lead"],
  "posts.suggest": ["owner", "admin", "lead", "staff", "advocate"],
  "feed.read": ["owner", "admin", "lead", "staff", "advocate"],
  "shares.write": ["owner", "admin", "lead", "staff", "advocate"],
  "analytics.read": ["owner", "admin", "lead"],
  // Cancelling and resending email invitations others sent.
  "invitations.manage": ["owner", "admin"],
  "workspace.delete": ["owner"],
  "contests.write": ["owner", "admin", "lead"],
  "alerts.write": ["owner", "admin", "lead"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof MATRIX;
export const PERMISSIONS = Object.keys(MATRIX) as Permission[];

export function can(role: Role, permission: Permission) {
  return (MATRIX[permission] as readonly Role[]).includes(role);
}

const RANK: Record<Role, number> = { owner: 4, admin: 3, lead: 2, staff: 1, advocate: 0 };

// An admin may manage anyone below owner; only an owner may grant or take away ownership.
export function canAssignRole(actor: Role, target: Role) {
  if (target === "owner") return actor === "owner";
  return RANK[actor] >= RANK.admin;
}

export function outranks(actor: Role, target: Role) {
  return RANK[actor] > RANK[target] || actor === "owner";
}
