-- clicks has no foreign key (see db/schema/links.ts): deleting tracked links, directly or
-- through the cascade from their post or organisation, deletes their clicks here, once per
-- statement rather than once per row.
CREATE FUNCTION "delete_clicks_of_deleted_links"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "clicks" WHERE "link_id" IN (SELECT "id" FROM "deleted_links");
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "tracked_links_delete_clicks"
  AFTER DELETE ON "tracked_links"
  REFERENCING OLD TABLE AS "deleted_links"
  FOR EACH STATEMENT EXECUTE FUNCTION "delete_clicks_of_deleted_links"();
