-- Group names become unique within an organisation regardless of case ("Conseil" and
-- "conseil" are one group). Groups that differ only by case are merged into the oldest one
-- (its name is kept): their members, invite links, post audiences and pending invitations
-- move to it, then the others are deleted. Self-contained; runs before the unique index on
-- lower(name) (next migration).
CREATE TEMP TABLE group_merge AS
SELECT g.id AS duplicate_id, keeper.id AS keeper_id
FROM groups g
JOIN LATERAL (
  SELECT k.id FROM groups k
  WHERE k.organization_id = g.organization_id AND lower(k.name) = lower(g.name)
  ORDER BY k.created_at, k.id
  LIMIT 1
) keeper ON keeper.id <> g.id;
--> statement-breakpoint
INSERT INTO group_members (organization_id, group_id, membership_id, created_at)
SELECT gm.organization_id, m.keeper_id, gm.membership_id, gm.created_at
FROM group_members gm JOIN group_merge m ON m.duplicate_id = gm.group_id
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO invite_link_groups (organization_id, invite_link_id, group_id)
SELECT ilg.organization_id, ilg.invite_link_id, m.keeper_id
FROM invite_link_groups ilg JOIN group_merge m ON m.duplicate_id = ilg.group_id
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO post_audience_groups (organization_id, post_id, group_id)
SELECT pag.organization_id, pag.post_id, m.keeper_id
FROM post_audience_groups pag JOIN group_merge m ON m.duplicate_id = pag.group_id
ON CONFLICT DO NOTHING;
--> statement-breakpoint
UPDATE invitations i
SET group_ids = (
  SELECT coalesce(array_agg(DISTINCT coalesce(m.keeper_id, gid)), '{}')
  FROM unnest(i.group_ids) AS gid LEFT JOIN group_merge m ON m.duplicate_id = gid
)
WHERE i.group_ids && (SELECT coalesce(array_agg(duplicate_id), '{}') FROM group_merge);
--> statement-breakpoint
DELETE FROM groups WHERE id IN (SELECT duplicate_id FROM group_merge);
--> statement-breakpoint
DROP TABLE group_merge;
