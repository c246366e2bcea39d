import { z } from "zod";
import { SHARE_NETWORKS } from "./intents";

// "mastodon.social", typed however a member remembers it: "https://mastodon.social/",
// "@ana@mastodon.social" or "Mastodon.Social" all name the same server.
export const mastodonInstanceSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .transform((value) => value.replace(/^https?:\/\//, "").replace(/\/.*$/, "").replace(/^.*@/, ""))
  .pipe(z.string().regex(/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/, "mastodon_instance"));

const postId = z.string().trim().min(1).max(64);

export const sharePostSchema = z.object({
  postId,
  network: z.enum(SHARE_NETWORKS),
  // The language of the post the member is looking at: its caption is the one shared.
  locale: z.enum(["fr", "en"]),
  // Asked the first time a member shares to Mastodon, then remembered on their account.
  mastodonInstance: z.preprocess((v) => (v === "" ? undefined : v), mastodonInstanceSchema.optional()),
});
export type SharePostInput = z.infer<typeof sharePostSchema>;

const MAX_REMINDER_DAYS = 60;

export const remindToShareSchema = z.object({
  postId,
  // An instant with its offset: the browser turns the member's local time into one.
  remindAt: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .refine((date) => date.getTime() > Date.now(), "reminder_in_past")
    .refine((date) => date.getTime() < Date.now() + MAX_REMINDER_DAYS * 86_400_000, "reminder_too_far"),
});
export type RemindToShareInput = z.infer<typeof remindToShareSchema>;
