CREATE TABLE "analytics_applied_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_daily" (
	"organization_id" text NOT NULL,
	"day" date NOT NULL,
	"campaign_id" text,
	"post_id" text,
	"network" "network",
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
	CONSTRAINT "analytics_daily_key" UNIQUE NULLS NOT DISTINCT("organization_id","day","campaign_id","post_id","network","membership_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_hourly" (
	"organization_id" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
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
	CONSTRAINT "analytics_hourly_key" UNIQUE NULLS NOT DISTINCT("organization_id","hour","campaign_id","post_id","network")
);
--> statement-breakpoint
CREATE TABLE "analytics_rates" (
	"organization_id" text NOT NULL,
	"network" "network" NOT NULL,
	"default_audience" integer NOT NULL,
	"view_rate" numeric NOT NULL,
	"cpm" numeric NOT NULL,
	"cpc" numeric NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_rates_organization_id_network_pk" PRIMARY KEY("organization_id","network")
);
--> statement-breakpoint
CREATE TABLE "member_audiences" (
	"organization_id" text NOT NULL,
	"membership_id" text NOT NULL,
	"network" "network" NOT NULL,
	"followers" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_audiences_membership_id_network_pk" PRIMARY KEY("membership_id","network")
);
--> statement-breakpoint
CREATE TABLE "report_links" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "analytics_rates" ADD CONSTRAINT "analytics_rates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_audiences" ADD CONSTRAINT "member_audiences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_audiences" ADD CONSTRAINT "member_audiences_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_links" ADD CONSTRAINT "report_links_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_links" ADD CONSTRAINT "report_links_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_daily_org_campaign_day_idx" ON "analytics_daily" USING btree ("organization_id","campaign_id","day");--> statement-breakpoint
CREATE INDEX "analytics_daily_org_member_day_idx" ON "analytics_daily" USING btree ("organization_id","membership_id","day");--> statement-breakpoint
CREATE INDEX "analytics_hourly_org_campaign_hour_idx" ON "analytics_hourly" USING btree ("organization_id","campaign_id","hour");--> statement-breakpoint
CREATE INDEX "report_links_org_campaign_idx" ON "report_links" USING btree ("organization_id","campaign_id");