import type { Role } from "@/db/schema/enums";
import type { Post } from "@/db/schema";
import { can, type Permission } from "@/lib/auth/permissions";

export type PostStatus = Post["status"];

// The one table of how a post moves: draft → in_review → approved → scheduled → published →
// expired, and back to draft for changes. `permission: null` marks a move only the
// scheduler makes (publishing happens at its time in a job, never in a web request).
export const POST_TRANSITIONS = {
  submit: { from: ["draft"], to: "in_review", permission: "posts.write" },
  approve: { from: ["in_review"], to: "approved", permission: "posts.approve" },
  schedule: { from: ["approved"], to: "scheduled", permission: "posts.approve" },
  return_to_draft: { from: ["in_review", "approved", "scheduled", "expired"], to: "draft", permission: "posts.write" },
  publish: { from: ["scheduled"], to: "published", permission: null },
  // The expiry job, or a lead ending a post early.
  expire: { from: ["published"], to: "expired", permission: "posts.approve" },
} as const satisfies Record<string, { from: readonly PostStatus[]; to: PostStatus; permission: Permission | null }>;

export type PostTransition = keyof typeof POST_TRANSITIONS;
export const PERSON_TRANSITIONS = ["submit", "approve", "schedule", "return_to_draft", "expire"] as const satisfies readonly PostTransition[];
export type PersonTransition = (typeof PERSON_TRANSITIONS)[number];

export type TransitionRefusal = "invalid_transition" | "forbidden" | "own_post";

type Actor = { role: Role; userId: string | null };
// The people behind a post: who wrote it, who sent it for review, and who proposed the new
// destination of its links when one waits (lib/posts/destination.ts).
type Authors = { createdBy: string | null; submittedBy: string | null; destinationBy?: string | null };

// Two people see every post before it goes out: a lead may not approve a post they wrote or
// submitted. Owners and admins may, because small organisations often have one person
// doing communications and an admin who answers for the organisation anyway.
export const SELF_APPROVAL_ROLES: readonly Role[] = ["owner", "admin"];

export function checkTransition(transition: PostTransition, status: PostStatus, actor: Actor, authors: Authors): TransitionRefusal | null {
  const rule = POST_TRANSITIONS[transition];
  if (rule.permission === null || !can(actor.role, rule.permission)) return "forbidden";
  if (!(rule.from as readonly PostStatus[]).includes(status)) return "invalid_transition";
  if (transition === "approve" && !SELF_APPROVAL_ROLES.includes(actor.role)) {
    if (actor.userId && [authors.createdBy, authors.submittedBy, authors.destinationBy].includes(actor.userId)) return "own_post";
  }
  return null;
}

// What buttons a person sees on a post: the same check the server makes.
export function availableTransitions(status: PostStatus, actor: Actor, authors: Authors) {
  return PERSON_TRANSITIONS.filter((t) => checkTransition(t, status, actor, authors) === null);
}

// Content is edited in draft only; sending it back to draft makes it go through review again.
export const isEditable = (status: PostStatus) => status === "draft";
// The publish time moves until the post is out; the expiry moves until it has expired.
export const canMovePublishAt = (status: PostStatus) => status === "draft" || status === "in_review" || status === "approved" || status === "scheduled";
export const canMoveExpiresAt = (status: PostStatus) => status !== "expired";
