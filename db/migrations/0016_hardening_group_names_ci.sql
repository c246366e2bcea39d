DROP INDEX "groups_org_name_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "groups_org_lower_name_uq" ON "groups" USING btree ("organization_id",lower("name"));