-- The points ledger is append-only: a correction is a reversal row, never an edit. Rows go
-- only with their contest or organisation (a cascade, after the parent row is gone).
CREATE OR REPLACE FUNCTION contest_points_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND (NOT EXISTS (SELECT 1 FROM contests WHERE id = OLD.contest_id)
          OR NOT EXISTS (SELECT 1 FROM organizations WHERE id = OLD.organization_id)) THEN
    RETURN OLD;
  END IF;
  -- Erasing a person (lib/privacy) swaps their membership id for a pseudonym and forgets
  -- the actor; nothing else of a row may change.
  IF TG_OP = 'UPDATE'
     AND (to_jsonb(NEW) - 'membership_id' - 'actor_user_id') = (to_jsonb(OLD) - 'membership_id' - 'actor_user_id')
     AND (NEW.membership_id = OLD.membership_id OR NEW.membership_id LIKE 'erased\_%')
     AND (NEW.actor_user_id IS NULL OR NEW.actor_user_id = OLD.actor_user_id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'contest_points is append-only: add a reversal row instead of %', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER contest_points_append_only
  BEFORE UPDATE OR DELETE ON contest_points
  FOR EACH ROW EXECUTE FUNCTION contest_points_append_only();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION contest_points_no_truncate() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'contest_points is append-only' USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER contest_points_no_truncate
  BEFORE TRUNCATE ON contest_points
  FOR EACH STATEMENT EXECUTE FUNCTION contest_points_no_truncate();
