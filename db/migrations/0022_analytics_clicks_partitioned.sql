-- Raw clicks partitioned by month of clicked_at, so retention drops whole partitions and a
-- month's clicks sit together on disk. The primary key holds the partition key: (id,
-- clicked_at); a click's time is fixed when its id is minted, so a replayed click still
-- conflicts with itself. Rows outside every month partition land in clicks_default;
-- ensure_clicks_partition(month) (run ahead of time by the ensure-click-partitions job) moves
-- them into their month when it creates it. Self-contained: it needs only the clicks table
-- of the earlier migrations.
ALTER TABLE "clicks" RENAME TO "clicks_unpartitioned";--> statement-breakpoint
ALTER TABLE "clicks_unpartitioned" DROP CONSTRAINT IF EXISTS "clicks_pkey";--> statement-breakpoint
DROP INDEX IF EXISTS "clicks_org_clicked_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "clicks_link_clicked_idx";--> statement-breakpoint
CREATE TABLE "clicks" (LIKE "clicks_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("clicked_at");--> statement-breakpoint
ALTER TABLE "clicks" ADD CONSTRAINT "clicks_pkey" PRIMARY KEY ("id", "clicked_at");--> statement-breakpoint
CREATE INDEX "clicks_org_clicked_idx" ON "clicks" USING btree ("organization_id", "clicked_at");--> statement-breakpoint
CREATE INDEX "clicks_link_clicked_idx" ON "clicks" USING btree ("link_id", "clicked_at");--> statement-breakpoint
CREATE TABLE "clicks_default" PARTITION OF "clicks" DEFAULT;--> statement-breakpoint
CREATE FUNCTION "ensure_clicks_partition"(month date) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  first date := date_trunc('month', month)::date;
  next date := (date_trunc('month', month) + interval '1 month')::date;
  -- Months of UTC, whatever the session's time zone.
  from_at timestamptz := first::timestamp AT TIME ZONE 'UTC';
  to_at timestamptz := next::timestamp AT TIME ZONE 'UTC';
  name text := 'clicks_y' || to_char(first, 'YYYY') || 'm' || to_char(first, 'MM');
BEGIN
  IF to_regclass(name) IS NOT NULL THEN
    RETURN false;
  END IF;
  -- Inserts wait the few milliseconds this takes, so no click of that month slips into the
  -- default partition between the move and the attach.
  LOCK TABLE "clicks_default" IN SHARE ROW EXCLUSIVE MODE;
  EXECUTE format('CREATE TABLE %I (LIKE "clicks" INCLUDING DEFAULTS)', name);
  EXECUTE format('WITH moved AS (DELETE FROM "clicks_default" WHERE "clicked_at" >= %L AND "clicked_at" < %L RETURNING *) INSERT INTO %I SELECT * FROM moved', from_at, to_at, name);
  EXECUTE format('ALTER TABLE "clicks" ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', name, from_at, to_at);
  RETURN true;
END;
$$;--> statement-breakpoint
DO $$
DECLARE
  m date := date_trunc('month', coalesce((SELECT min("clicked_at") FROM "clicks_unpartitioned"), now()) AT TIME ZONE 'UTC')::date;
BEGIN
  WHILE m <= (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '3 months')::date LOOP
    PERFORM "ensure_clicks_partition"(m);
    m := (m + interval '1 month')::date;
  END LOOP;
END;
$$;--> statement-breakpoint
INSERT INTO "clicks" SELECT * FROM "clicks_unpartitioned";--> statement-breakpoint
DROP TABLE "clicks_unpartitioned";
