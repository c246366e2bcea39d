ALTER TABLE "rss_feeds" ADD COLUMN "title" text;--> statement-breakpoint
ALTER TABLE "rss_feeds" ADD COLUMN "locale" "locale" DEFAULT 'fr' NOT NULL;