ALTER TABLE "contests" ADD CONSTRAINT "contests_org_id_key" UNIQUE("organization_id","id");--> statement-breakpoint
ALTER TABLE "contest_points" DROP CONSTRAINT "contest_points_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "contest_points" DROP CONSTRAINT "contest_points_contest_id_contests_id_fk";
--> statement-breakpoint
ALTER TABLE "contest_points" ADD CONSTRAINT "contest_points_contest_fk" FOREIGN KEY ("organization_id","contest_id") REFERENCES "public"."contests"("organization_id","id") ON DELETE cascade ON UPDATE no action;
