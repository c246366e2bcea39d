import type { getPostDetail } from "@/lib/posts/queries";
import { toZonedInput } from "@/lib/calendar/zoned";
import type { EditorValues } from "./post-editor";

type Detail = Awaited<ReturnType<typeof getPostDetail>>;

// A stored post as the editor's state; times as the organisation's wall-clock time.
export function editorValuesFromPost(detail: Detail, timeZone: string): EditorValues {
  const { post, variants, audience } = detail;
  return {
    id: post.id,
    kind: post.kind,
    campaignId: post.campaignId ?? "",
    keyMomentId: post.keyMomentId ?? "",
    // A destination waiting for approval is what the lead last asked for.
    linkUrl: (post.pendingLinkAt ? post.pendingLinkUrl : post.linkUrl) ?? "",
    linkPreview: (post.pendingLinkAt ? post.pendingLinkPreview : post.linkPreview) ?? null,
    media: post.mediaId ? { id: post.mediaId, kind: post.kind === "video" ? "video" : "image" } : null,
    testimonial: {
      firstName: post.testimonial?.firstName ?? "",
      jobTitle: post.testimonial?.jobTitle ?? "",
      quote: post.testimonial?.quote ?? "",
      photo: post.testimonial?.photoMediaId ? { id: post.testimonial.photoMediaId, kind: "image" } : null,
    },
    hashtags: post.hashtags.join(" "),
    advocatesCanSee: post.advocatesCanSee,
    pinned: post.pinned,
    publishAt: toZonedInput(post.publishAt, timeZone),
    expiresAt: toZonedInput(post.expiresAt, timeZone),
    groupIds: audience.map((g) => g.id),
    variants: Object.fromEntries(
      Object.entries(variants).map(([locale, v]) => [
        locale,
        { title: v!.title, body: v!.body, captions: v!.captions, emailSubject: v!.emailSubject ?? "", emailBody: v!.emailBody ?? "" },
      ]),
    ),
  };
}

export function newEditorValues(options: { campaignId?: string; keyMomentId?: string; hashtags?: string[] }): EditorValues {
  return {
    kind: "text",
    campaignId: options.campaignId ?? "",
    keyMomentId: options.keyMomentId ?? "",
    linkUrl: "",
    linkPreview: null,
    media: null,
    testimonial: { firstName: "", jobTitle: "", quote: "", photo: null },
    hashtags: (options.hashtags ?? []).join(" "),
    advocatesCanSee: true,
    pinned: false,
    publishAt: "",
    expiresAt: "",
    groupIds: [],
    variants: {},
  };
}
