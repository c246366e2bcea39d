import { describe, expect, it } from "vitest";
import { availableTransitions, checkTransition } from "@/lib/posts/lifecycle";

const me = "user_me";
const author = { createdBy: me, submittedBy: me };
const someoneElse = { createdBy: "user_other", submittedBy: "user_other" };

describe("post lifecycle table", () => {
  it("moves a post only along draft → in_review → approved → scheduled", () => {
    const lead = { role: "lead" as const, userId: me };
    expect(checkTransition("submit", "draft", lead, someoneElse)).toBeNull();
    expect(checkTransition("approve", "in_review", lead, someoneElse)).toBeNull();
    expect(checkTransition("schedule", "approved", lead, someoneElse)).toBeNull();
    expect(checkTransition("schedule", "in_review", lead, someoneElse)).toBe("invalid_transition");
    expect(checkTransition("submit", "published", lead, someoneElse)).toBe("invalid_transition");
  });

  it("lets no person publish: only the scheduler does", () => {
    expect(checkTransition("publish", "scheduled", { role: "owner", userId: me }, someoneElse)).toBe("forbidden");
  });

  it("refuses a lead approving their own post and lets owners and admins", () => {
    expect(checkTransition("approve", "in_review", { role: "lead", userId: me }, author)).toBe("own_post");
    expect(checkTransition("approve", "in_review", { role: "lead", userId: me }, { createdBy: "user_other", submittedBy: me })).toBe("own_post");
    expect(checkTransition("approve", "in_review", { role: "admin", userId: me }, author)).toBeNull();
    expect(checkTransition("approve", "in_review", { role: "owner", userId: me }, author)).toBeNull();
  });

  it("offers staff and advocates no move at all", () => {
    for (const status of ["draft", "in_review", "approved", "scheduled", "published", "expired"] as const) {
      expect(availableTransitions(status, { role: "staff", userId: me }, someoneElse)).toEqual([]);
      expect(availableTransitions(status, { role: "advocate", userId: me }, someoneElse)).toEqual([]);
    }
  });

  it("offers back to draft from review, approval, schedule and expiry, but not once published", () => {
    const lead = { role: "lead" as const, userId: me };
    expect(availableTransitions("scheduled", lead, someoneElse)).toEqual(["return_to_draft"]);
    expect(availableTransitions("published", lead, someoneElse)).toEqual(["expire"]);
    expect(availableTransitions("expired", lead, someoneElse)).toEqual(["return_to_draft"]);
  });
});
