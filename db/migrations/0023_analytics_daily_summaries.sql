CREATE TABLE "analytics_daily_hours" (
	"organization_id" text NOT NULL,
	"day" date NOT NULL,
	"campaign_id" text,
	"hour_of_day" smallint NOT NULL,
	"shares" integer DEFAULT 0 NOT NULL,
	"reach_declared" bigint DEFAULT 0 NOT NULL,
	"shares_undeclared" integer DEFAULT 0 NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	"unique_clicks" integer DEFAULT 0 NOT NULL,
	"filtered_bot" integer DEFAULT 0 NOT NULL,
	"filtered_preview" integer DEFAULT 0 NOT NULL,
	"filtered_head" integer DEFAULT 0 NOT NULL,
	"filtered_prefetch" integer DEFAULT 0 NOT NULL,
	"filtered_repeat" integer DEFAULT 0 NOT NULL,
	"filtered_self" integer DEFAULT 0 NOT NULL,
	"actions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_daily_hours_key" UNIQUE NULLS NOT DISTINCT("organization_id","day","campaign_id","hour_of_day")
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_members" (
	"organization_id" text NOT NULL,
	"day" date NOT NULL,
	"campaign_id" text,
	"membership_id" text,
	"shares" integer DEFAULT 0 NOT NULL,
	"reach_declared" bigint DEFAULT 0 NOT NULL,
	"shares_undeclared" integer DEFAULT 0 NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	"unique_clicks" integer DEFAULT 0 NOT NULL,
	"filtered_bot" integer DEFAULT 0 NOT NULL,
	"filtered_preview" integer DEFAULT 0 NOT NULL,
	"filtered_head" integer DEFAULT 0 NOT NULL,
	"filtered_prefetch" integer DEFAULT 0 NOT NULL,
	"filtered_repeat" integer DEFAULT 0 NOT NULL,
	"filtered_self" integer DEFAULT 0 NOT NULL,
	"actions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_daily_members_key" UNIQUE NULLS NOT DISTINCT("organization_id","day","campaign_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_posts" (
	"organization_id" text NOT NULL,
	"day" date NOT NULL,
	"campaign_id" text,
	"post_id" text,
	"network" "network",
	"shares" integer DEFAULT 0 NOT NULL,
	"reach_declared" bigint DEFAULT 0 NOT NULL,
	"shares_undeclared" integer DEFAULT 0 NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	"unique_clicks" integer DEFAULT 0 NOT NULL,
	"filtered_bot" integer DEFAULT 0 NOT NULL,
	"filtered_preview" integer DEFAULT 0 NOT NULL,
	"filtered_head" integer DEFAULT 0 NOT NULL,
	"filtered_prefetch" integer DEFAULT 0 NOT NULL,
	"filtered_repeat" integer DEFAULT 0 NOT NULL,
	"filtered_self" integer DEFAULT 0 NOT NULL,
	"actions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_daily_posts_key" UNIQUE NULLS NOT DISTINCT("organization_id","day","campaign_id","post_id","network")
);
--> statement-breakpoint
CREATE INDEX "analytics_daily_hours_org_campaign_day_idx" ON "analytics_daily_hours" USING btree ("organization_id","campaign_id","day");--> statement-breakpoint
CREATE INDEX "analytics_daily_members_org_campaign_day_idx" ON "analytics_daily_members" USING btree ("organization_id","campaign_id","day");--> statement-breakpoint
CREATE INDEX "analytics_daily_posts_org_campaign_day_idx" ON "analytics_daily_posts" USING btree ("organization_id","campaign_id","day");--> statement-breakpoint
-- Existing rollups are copied into the summaries (the same sums lib/analytics/rollup.ts keeps).
INSERT INTO "analytics_daily_posts" SELECT "organization_id", "day", "campaign_id", "post_id", "network",
  sum("shares"), sum("reach_declared"), sum("shares_undeclared"), sum("clicks"), sum("unique_clicks"), sum("filtered_bot"), sum("filtered_preview"),
  sum("filtered_head"), sum("filtered_prefetch"), sum("filtered_repeat"), sum("filtered_self"), sum("actions")
  FROM "analytics_daily" GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
INSERT INTO "analytics_daily_members" SELECT "organization_id", "day", "campaign_id", "membership_id",
  sum("shares"), sum("reach_declared"), sum("shares_undeclared"), sum("clicks"), sum("unique_clicks"), sum("filtered_bot"), sum("filtered_preview"),
  sum("filtered_head"), sum("filtered_prefetch"), sum("filtered_repeat"), sum("filtered_self"), sum("actions")
  FROM "analytics_daily" GROUP BY 1, 2, 3, 4;--> statement-breakpoint
INSERT INTO "analytics_daily_hours" SELECT h."organization_id", (h."hour" AT TIME ZONE o."time_zone")::date, h."campaign_id",
  extract(hour FROM h."hour" AT TIME ZONE o."time_zone")::smallint,
  sum("shares"), sum("reach_declared"), sum("shares_undeclared"), sum("clicks"), sum("unique_clicks"), sum("filtered_bot"), sum("filtered_preview"),
  sum("filtered_head"), sum("filtered_prefetch"), sum("filtered_repeat"), sum("filtered_self"), sum("actions")
  FROM "analytics_hourly" h JOIN "organizations" o ON o."id" = h."organization_id" GROUP BY 1, 2, 3, 4;
