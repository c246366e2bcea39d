-- contest_daily_totals rows are updated on every scoring batch that touches the member's
-- day. With full pages an update must put the new row version on another page, which adds
-- an index entry (not a HOT update) and leaves more for vacuum. Leaving half of each page
-- free keeps the new version beside the old one, so updates stay HOT. Applies to pages
-- written from now on (no rewrite, no lock beyond the brief ALTER).
ALTER TABLE "contest_daily_totals" SET (fillfactor = 50);
