-- Rewind catalog schema, version 5: every fact that matters is covered by the signed hash chain.
-- the digest of the facts an event commits to (a version's identity, artifact, metrics, params, first tags;
-- a target's identity), and the event's Ed25519 signature over its hash with the key it names
ALTER TABLE events ADD COLUMN facts_digest TEXT;
ALTER TABLE events ADD COLUMN key_id TEXT;
ALTER TABLE events ADD COLUMN signature TEXT;

-- public keys of everyone who signed an event; id is the SHA-256 of public_key
CREATE TABLE keys (
  id          TEXT PRIMARY KEY,
  actor       TEXT NOT NULL,
  public_key  TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);

-- a version's tags as registered; later tags are the fold of tag/untag events over these
CREATE TABLE version_initial_tags (
  version_id  INTEGER NOT NULL REFERENCES versions(id),
  key         TEXT NOT NULL,
  value       TEXT,
  PRIMARY KEY (version_id, key)
) WITHOUT ROWID;

-- which catalog this is (for the head file beside it) and the first event written under schema 5:
-- events before it were written unsigned and are covered from the upgrade on
CREATE TABLE chain_info (
  catalog_id          TEXT NOT NULL,
  first_sealed_event  INTEGER NOT NULL
);
INSERT INTO chain_info(catalog_id, first_sealed_event)
  SELECT lower(hex(randomblob(16))), coalesce(max(id), 0) + 1 FROM events;

-- rule 2 still holds (every column V1 and V3 gave events stays as written); the one change allowed is signing an unsigned event (the newest of a transaction is
-- signed just before it commits, and its hash seals the events before it)
DROP TRIGGER events_no_update;

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN old.signature IS NOT NULL OR new.signature IS NULL OR new.id IS NOT old.id OR new.at IS NOT old.at
  OR new.kind IS NOT old.kind OR new.model_id IS NOT old.model_id OR new.target_id IS NOT old.target_id
  OR new.version_id IS NOT old.version_id OR new.from_version_id IS NOT old.from_version_id
  OR new.to_version_id IS NOT old.to_version_id OR new.tag_key IS NOT old.tag_key
  OR new.tag_value IS NOT old.tag_value OR new.reason IS NOT old.reason OR new.actor IS NOT old.actor
  OR new.host IS NOT old.host OR new.prev_hash IS NOT old.prev_hash OR new.hash IS NOT old.hash
  OR new.overrides IS NOT old.overrides OR new.facts_digest IS NOT old.facts_digest
BEGIN
  SELECT RAISE(ABORT, 'rewind: events are append-only and cannot be updated');
END;

CREATE TRIGGER keys_no_update BEFORE UPDATE ON keys
BEGIN
  SELECT RAISE(ABORT, 'rewind: signing keys cannot change');
END;

CREATE TRIGGER keys_no_delete BEFORE DELETE ON keys
BEGIN
  SELECT RAISE(ABORT, 'rewind: signing keys cannot be deleted');
END;

CREATE TRIGGER initial_tags_no_update BEFORE UPDATE ON version_initial_tags
BEGIN
  SELECT RAISE(ABORT, 'rewind: a version''s registered tags cannot change');
END;

CREATE TRIGGER initial_tags_no_delete BEFORE DELETE ON version_initial_tags
BEGIN
  SELECT RAISE(ABORT, 'rewind: a version''s registered tags cannot be deleted');
END;

CREATE TRIGGER chain_info_frozen BEFORE UPDATE ON chain_info
BEGIN
  SELECT RAISE(ABORT, 'rewind: the chain''s starting point cannot change');
END;

CREATE TRIGGER chain_info_no_delete BEFORE DELETE ON chain_info
BEGIN
  SELECT RAISE(ABORT, 'rewind: the chain''s starting point cannot be deleted');
END;
