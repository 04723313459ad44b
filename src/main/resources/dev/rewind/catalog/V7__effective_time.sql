-- Rewind catalog schema, version 7: an imported move keeps two times. `at` is when Rewind recorded it (the
-- import); `effective_at` is when the source says it happened, as well as the source can tell (MLflow: the
-- version's last update; GTO: the tag's time), so lanes and `targets --at` draw the team's real past. Null means
-- the move happened when it was recorded. Covered by the event's hash like every other column.
ALTER TABLE events ADD COLUMN effective_at INTEGER;

-- the lanes' covering index is rebuilt with the new column on the next open for writing (see Indexes)
DROP INDEX IF EXISTS events_moves;
DROP INDEX IF EXISTS events_target_moves;

-- rule 2, as schema 6 left it, now covering effective_at too
DROP TRIGGER events_no_update;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN old.signature IS NOT NULL OR new.signature IS NULL OR new.id IS NOT old.id OR new.at IS NOT old.at
  OR new.kind IS NOT old.kind OR new.model_id IS NOT old.model_id OR new.target_id IS NOT old.target_id
  OR new.version_id IS NOT old.version_id OR new.from_version_id IS NOT old.from_version_id
  OR new.to_version_id IS NOT old.to_version_id OR new.tag_key IS NOT old.tag_key
  OR new.tag_value IS NOT old.tag_value OR new.reason IS NOT old.reason OR new.actor IS NOT old.actor
  OR new.host IS NOT old.host OR new.prev_hash IS NOT old.prev_hash OR new.hash IS NOT old.hash
  OR new.overrides IS NOT old.overrides OR new.facts_digest IS NOT old.facts_digest
  OR new.effective_at IS NOT old.effective_at
BEGIN
  SELECT RAISE(ABORT, 'rewind: events are append-only and cannot be updated');
END;
