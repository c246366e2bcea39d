import { describe, expect, it } from "vitest";
import type { Role } from "@/db/schema/enums";
import { can, canAssignRole, outranks, PERMISSIONS, ROLES, type Permission } from "@/lib/auth/permissions";

// The expected matrix for the workspace permissions, written out by hand: a change to the
// matrix in lib/auth/permissions.ts must be made here too, on purpose.
const EXPECTED: Partial<Record<Permission, Role[]>> = {
  "org.read": ["owner", "admin", "lead", "staff", "advocate"],
  "org.settings": ["owner", "admin"],
  "members.read": ["owner", "admin", "lead"],
  "members.write": ["owner", "admin"],
  "groups.write": ["owner", "admin", "lead"],
};

describe("permission matrix", () => {
  it.each(Object.entries(EXPECTED).flatMap(([permission, allowed]) => ROLES.map((role) => [permission as Permission, role, allowed.includes(role)] as const)))(
    "%s for %s is %s",
    (permission, role, allowed) => {
      expect(can(role, permission)).toBe(allowed);
    },
  );

  it("gives every permission to owners", () => {
    expect(PERMISSIONS.filter((p) => !can("owner", p))).toEqual([]);
  });

  it("never gives advocates more than staff", () => {
    expect(PERMISSIONS.filter((p) => can("advocate", p) && !can("staff", p))).toEqual([]);
  });
});

describe("canAssignRole", () => {
  it("lets only an owner grant or take away the owner role", () => {
    expect(ROLES.filter((actor) => canAssignRole(actor, "owner"))).toEqual(["owner"]);
  });

  it("lets owners and admins assign every role below owner", () => {
    for (const target of ["admin", "lead", "staff", "advocate"] as const) {
      expect(ROLES.filter((actor) => canAssignRole(actor, target))).toEqual(["owner", "admin"]);
    }
  });

  it("never lets a lead, staff member or advocate assign a role", () => {
    for (const actor of ["lead", "staff", "advocate"] as const) {
      expect(ROLES.filter((target) => canAssignRole(actor, target))).toEqual([]);
    }
  });
});

describe("outranks", () => {
  it("ranks owner above admin above lead above staff above advocate", () => {
    expect(outranks("admin", "lead")).toBe(true);
    expect(outranks("lead", "admin")).toBe(false);
    expect(outranks("staff", "advocate")).toBe(true);
    expect(outranks("admin", "admin")).toBe(false);
  });

  it("lets an owner act on another owner", () => {
    expect(outranks("owner", "owner")).toBe(true);
  });
});
