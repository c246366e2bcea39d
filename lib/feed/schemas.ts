import { z } from "zod";
import { network as networkEnum } from "@/db/schema/enums";
import { CAPTION_NETWORKS, type CaptionNetwork } from "@/lib/posts/caption-limits";

// The networks a member can filter the feed by: those a post carries a caption for, and email.
export type FeedNetwork = CaptionNetwork | "email";
export const FEED_NETWORKS = networkEnum.enumValues.filter((n): n is FeedNetwork => n === "email" || (CAPTION_NETWORKS as readonly string[]).includes(n));

// Where "load more" resumes: the sort key of the last post shown, and the moment the first
// page was read, so that every page agrees on which key moments are "now" and which posts
// have expired (a moment ending between two pages would otherwise repeat or skip posts).
const cursorSchema = z.object({
  rank: z.number().int().min(0).max(2),
  publishedAt: z.iso.datetime({ offset: true }),
  id: z.string().regex(/^[\w-]{1,64}$/),
  at: z.iso.datetime({ offset: true }),
});
export type FeedCursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: FeedCursor) {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

const cursorParam = z
  .string()
  .max(400)
  .transform((raw, ctx) => {
    try {
      return cursorSchema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    } catch {
      ctx.addIssue({ code: "custom", message: "invalid_cursor" });
      return z.NEVER;
    }
  });

// Query-string filters of the feed page: anything malformed is ignored, never an error page.
export const feedSearchSchema = z.object({
  campaign: z.string().regex(/^cmp_\w+$/).optional().catch(undefined),
  network: z.enum(FEED_NETWORKS).optional().catch(undefined),
  cursor: cursorParam.optional().catch(undefined),
});
export type FeedSearch = z.infer<typeof feedSearchSchema>;

export const loadFeedPageSchema = z.object({
  campaign: z.string().regex(/^cmp_\w+$/).optional(),
  network: z.enum(FEED_NETWORKS).optional(),
  cursor: cursorParam,
});
export type LoadFeedPageInput = z.infer<typeof loadFeedPageSchema>;
