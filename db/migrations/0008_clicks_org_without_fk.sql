ALTER TABLE "clicks" DROP CONSTRAINT "clicks_organization_id_organizations_id_fk";
