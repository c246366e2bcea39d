CREATE TYPE "public"."click_filter" AS ENUM('bot', 'preview', 'head', 'prefetch', 'repeat', 'self');--> statement-breakpoint
ALTER TABLE "clicks" ADD COLUMN "filter_reason" "click_filter";