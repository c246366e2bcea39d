CREATE INDEX "key_moments_campaign_idx" ON "key_moments" USING btree ("campaign_id","starts_at");--> statement-breakpoint
CREATE INDEX "posts_org_publish_at_idx" ON "posts" USING btree ("organization_id","publish_at");--> statement-breakpoint
CREATE INDEX "posts_due_publish_idx" ON "posts" USING btree ("publish_at") WHERE "posts"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "posts_due_expire_idx" ON "posts" USING btree ("expires_at") WHERE "posts"."status" = 'published' and "posts"."expires_at" is not null;--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id","organization_id") WHERE "notifications"."read_at" is null;