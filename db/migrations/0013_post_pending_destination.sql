ALTER TABLE "posts" ADD COLUMN "pending_link_url" text;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "pending_link_preview" jsonb;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "pending_link_by" text;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "pending_link_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_pending_link_by_users_id_fk" FOREIGN KEY ("pending_link_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;