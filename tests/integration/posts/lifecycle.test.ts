import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { notifications, postEvents, posts } from "@/db/schema";
import { savePostAction, transitionPostAction } from "@/lib/posts/actions";
import { getPostDetail } from "@/lib/posts/queries";
import { publishJobId } from "@/lib/publishing/job-ids";
import { actAs } from "@/tests/setup/request-context";
import { getQueue } from "@/lib/jobs/queues";
import { dispatchOutbox } from "@/tests/setup/jobs";
import { draftAs, inSeconds, moveAs, orgWith, walk } from "./helpers";

const statusOf = async (id: string) => (await db.select({ status: posts.status }).from(posts).where(eq(posts.id, id)))[0].status;

describe("post lifecycle", () => {
  it("a lead's draft goes to review when they submit it, with who and when on record", async () => {
    const { org, people: [lead] } = await orgWith("lead");
    const id = await draftAs(org, lead);
    const before = new Date();
    expect(await moveAs(org, lead, id, "submit")).toEqual({ ok: true, data: { id, status: "in_review" } });
    const [event] = await db.select().from(postEvents).where(and(eq(postEvents.postId, id), eq(postEvents.toStatus, "in_review")));
    expect(event).toMatchObject({ fromStatus: "draft", actorUserId: lead.user.id });
    expect(event.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it("a lead may not approve a post they wrote", async () => {
    const { org, people: [lead] } = await orgWith("lead");
    const id = await draftAs(org, lead);
    await walk(org, id, [[lead, "submit"]]);
    expect(await moveAs(org, lead, id, "approve")).toEqual({ ok: false, code: "forbidden" });
    expect(await statusOf(id)).toBe("in_review");
  });

  it("a lead may not approve a post they submitted for someone else", async () => {
    const { org, people: [author, submitter] } = await orgWith("lead", "lead");
    const id = await draftAs(org, author);
    await walk(org, id, [[submitter, "submit"]]);
    expect(await moveAs(org, submitter, id, "approve")).toEqual({ ok: false, code: "forbidden" });
  });

  it("another lead approves a post a lead submitted", async () => {
    const { org, people: [author, reviewer] } = await orgWith("lead", "lead");
    const id = await draftAs(org, author);
    await walk(org, id, [[author, "submit"]]);
    expect(await moveAs(org, reviewer, id, "approve")).toEqual({ ok: true, data: { id, status: "approved" } });
  });

  it.each(["owner", "admin"] as const)("an %s may approve their own post", async (role) => {
    const { org, people: [me] } = await orgWith(role);
    const id = await draftAs(org, me);
    await walk(org, id, [[me, "submit"], [me, "approve"]]);
    expect(await statusOf(id)).toBe("approved");
  });

  it.each(["staff", "advocate"] as const)("a member with role %s may neither write, submit nor approve a post", async (role) => {
    const { org, people: [lead, other, person] } = await orgWith("lead", "lead", role);
    await actAs(person.user.id);
    expect(await savePostAction({ org: org.slug, kind: "text", variants: { fr: { title: "Non" } } })).toEqual({ ok: false, code: "forbidden" });
    const id = await draftAs(org, lead);
    expect(await moveAs(org, person, id, "submit")).toEqual({ ok: false, code: "forbidden" });
    await walk(org, id, [[lead, "submit"]]);
    expect(await moveAs(org, person, id, "approve")).toEqual({ ok: false, code: "forbidden" });
    await walk(org, id, [[other, "approve"]]);
    expect(await moveAs(org, person, id, "schedule")).toEqual({ ok: false, code: "forbidden" });
  });

  it("a draft cannot be approved or scheduled before review", async () => {
    const { org, people: [author, reviewer] } = await orgWith("lead", "lead");
    const id = await draftAs(org, author);
    expect(await moveAs(org, reviewer, id, "approve")).toEqual({ ok: false, code: "conflict" });
    expect(await moveAs(org, reviewer, id, "schedule")).toEqual({ ok: false, code: "conflict" });
    expect(await statusOf(id)).toBe("draft");
  });

  it("nobody publishes by hand: publishing is the scheduler's", async () => {
    const { org, people: [owner] } = await orgWith("owner");
    const id = await draftAs(org, owner);
    await walk(org, id, [[owner, "submit"], [owner, "approve"]]);
    await actAs(owner.user.id);
    expect(await transitionPostAction({ org: org.slug, id, transition: "publish" })).toMatchObject({ ok: false, code: "bad_request" });
  });

  it("only drafts are edited: a post in review must go back to draft first", async () => {
    const { org, people: [lead] } = await orgWith("lead");
    const id = await draftAs(org, lead);
    await walk(org, id, [[lead, "submit"]]);
    await actAs(lead.user.id);
    const edit = { org: org.slug, id, kind: "text", variants: { fr: { title: "Changé" } } };
    expect(await savePostAction(edit)).toEqual({ ok: false, code: "conflict" });
    await walk(org, id, [[lead, "return_to_draft"]]);
    expect(await savePostAction(edit)).toEqual({ ok: true, data: { id } });
  });

  it("sending a scheduled post back to draft removes its publish job", async () => {
    const { org, people: [author, reviewer] } = await orgWith("lead", "lead");
    const id = await draftAs(org, author, { publishAt: inSeconds(3600) });
    await walk(org, id, [[author, "submit"], [reviewer, "approve"], [reviewer, "schedule"]]);
    const [post] = await db.select().from(posts).where(eq(posts.id, id));
    const queue = getQueue("publishing");
    await dispatchOutbox();
    expect(await queue.getJobState(publishJobId(post))).toBe("delayed");
    await walk(org, id, [[author, "return_to_draft"]]);
    await dispatchOutbox();
    expect(await queue.getJobState(publishJobId(post))).toBe("unknown");
    expect(await statusOf(id)).toBe("draft");
  });

  it("the timeline lists every step with the person who took it", async () => {
    const { org, people: [author, reviewer] } = await orgWith("lead", "lead");
    const id = await draftAs(org, author, { publishAt: inSeconds(3600) });
    await walk(org, id, [[author, "submit"], [reviewer, "approve"], [reviewer, "schedule"]]);
    const detail = await getPostDetail(author.tenant, id);
    expect(detail.events.map((e) => [e.toStatus, e.actorEmail])).toEqual([
      ["draft", author.user.email],
      ["in_review", author.user.email],
      ["approved", reviewer.user.email],
      ["scheduled", reviewer.user.email],
    ]);
  });

  it("submitting notifies the people who can approve, not the submitter nor staff", async () => {
    const { org, people: [author, reviewer, admin, staff] } = await orgWith("lead", "lead", "admin", "staff");
    const id = await draftAs(org, author);
    await walk(org, id, [[author, "submit"]]);
    const rows = await db.select().from(notifications).where(and(eq(notifications.organizationId, org.id), eq(notifications.type, "post_submitted")));
    expect(rows.map((r) => r.userId).sort()).toEqual([reviewer.user.id, admin.user.id].sort());
    expect(rows.map((r) => r.userId)).not.toContain(staff.user.id);
    expect(rows[0]).toMatchObject({ href: `/posts/${id}`, data: { postId: id, title_fr: "Ma publication" } });
  });
});
