ALTER TABLE "clicks" DROP CONSTRAINT "clicks_link_id_tracked_links_id_fk";
