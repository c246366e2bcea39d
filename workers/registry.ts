import type { DefinedJob } from "./define-job";
import { enqueueRssImportsJob } from "./jobs/enqueue-rss-imports";
import { expirePostJob } from "./jobs/expire-post";
import { generateTestimonialVisualJob } from "./jobs/generate-testimonial-visual";
import { importAdvocatesJob } from "./jobs/import-advocates";
import { importRssFeedJob } from "./jobs/import-rss-feed";
import { notifyPostPublishedJob } from "./jobs/notify-post-published";
import { publishPostJob } from "./jobs/publish-post";
import { sendInvitationEmailJob } from "./jobs/send-invitation-email";
import { shareReminderJob } from "./jobs/share-reminder";
import { sweepPublishingJob } from "./jobs/sweep-publishing";
import { syncLinkCacheJob } from "./jobs/sync-link-cache";

// Every job the workers run. A job file defines itself with defineJob and is listed here.
export const JOBS: DefinedJob[] = [
  generateTestimonialVisualJob,
  importRssFeedJob,
  enqueueRssImportsJob,
  importAdvocatesJob,
  sendInvitationEmailJob,
  publishPostJob,
  expirePostJob,
  notifyPostPublishedJob,
  sweepPublishingJob,
  shareReminderJob,
  syncLinkCacheJob,
];
