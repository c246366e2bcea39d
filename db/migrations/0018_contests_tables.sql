CREATE TYPE "public"."points_source" AS ENUM('share', 'click', 'action', 'bonus', 'reversal');--> statement-breakpoint
CREATE TABLE "contest_daily_totals" (
	"contest_id" text NOT NULL,
	"membership_id" text NOT NULL,
	"day" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"share" integer DEFAULT 0 NOT NULL,
	"click" integer DEFAULT 0 NOT NULL,
	"action" integer DEFAULT 0 NOT NULL,
	"bonus" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "contest_daily_totals_contest_id_membership_id_day_pk" PRIMARY KEY("contest_id","membership_id","day")
);
--> statement-breakpoint
CREATE TABLE "contest_points" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contest_points_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organization_id" text NOT NULL,
	"contest_id" text NOT NULL,
	"membership_id" text NOT NULL,
	"points" integer NOT NULL,
	"source" "points_source" NOT NULL,
	"idempotency_key" text NOT NULL,
	"source_id" text,
	"post_id" text,
	"network" text,
	"detail" text,
	"reason" text,
	"actor_user_id" text,
	"day" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contest_rule_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"contest_id" text NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"rules" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contests" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"rules_text_fr" text DEFAULT '' NOT NULL,
	"rules_text_en" text DEFAULT '' NOT NULL,
	"campaign_ids" text[] DEFAULT '{}' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"include_staff" boolean DEFAULT true NOT NULL,
	"include_advocates" boolean DEFAULT true NOT NULL,
	"group_ids" text[] DEFAULT '{}' NOT NULL,
	"prizes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"min_score" integer DEFAULT 0 NOT NULL,
	"screen_token" text,
	"closed_at" timestamp with time zone,
	"results" jsonb,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contests_screen_token_unique" UNIQUE("screen_token")
);
--> statement-breakpoint
ALTER TABLE "contest_daily_totals" ADD CONSTRAINT "contest_daily_totals_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_points" ADD CONSTRAINT "contest_points_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_points" ADD CONSTRAINT "contest_points_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_rule_versions" ADD CONSTRAINT "contest_rule_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_rule_versions" ADD CONSTRAINT "contest_rule_versions_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_rule_versions" ADD CONSTRAINT "contest_rule_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contests" ADD CONSTRAINT "contests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contests" ADD CONSTRAINT "contests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contest_points_idempotency_uq" ON "contest_points" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "contest_points_contest_member_idx" ON "contest_points" USING btree ("contest_id","membership_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_rule_versions_contest_from_uq" ON "contest_rule_versions" USING btree ("contest_id","effective_from");--> statement-breakpoint
CREATE INDEX "contests_org_ends_idx" ON "contests" USING btree ("organization_id","ends_at");