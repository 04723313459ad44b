-- Rewind catalog schema, version 6: targets can be retired (kept with their history, hidden from lists, no moves).
ALTER TABLE targets ADD COLUMN retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1));

-- events gains the kind 'retire'. As in schema 3 the table is rebuilt (SQLite cannot change a CHECK in place):
-- the rows that refer to events (pending switches, move proofs) are set aside while it is, every row is copied
-- with its id, hash, digest and signature unchanged, and the indexes and append-only triggers are created again.
CREATE TABLE pending_switches_v6 AS SELECT event_id, target_id FROM pending_switches;
DELETE FROM pending_switches;
CREATE TABLE move_proofs_v6 AS SELECT * FROM move_proofs;
DROP TABLE move_proofs;

CREATE TABLE events_v6 (
  id               INTEGER PRIMARY KEY,
  at               INTEGER NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('register','tag','untag','target','deploy','rollback','import','protect','unprotect','guard','retire')),
  model_id         INTEGER REFERENCES models(id),
  target_id        INTEGER REFERENCES targets(id),
  version_id       INTEGER REFERENCES versions(id),
  from_version_id  INTEGER REFERENCES versions(id),
  to_version_id    INTEGER REFERENCES versions(id),
  tag_key          TEXT,
  tag_value        TEXT,
  reason           TEXT,
  actor            TEXT NOT NULL,
  host             TEXT NOT NULL,
  prev_hash        TEXT NOT NULL,
  hash             TEXT NOT NULL,
  overrides        TEXT,
  facts_digest     TEXT,
  key_id           TEXT,
  signature        TEXT
);
INSERT INTO events_v6(id, at, kind, model_id, target_id, version_id, from_version_id, to_version_id, tag_key,
                      tag_value, reason, actor, host, prev_hash, hash, overrides, facts_digest, key_id, signature)
  SELECT id, at, kind, model_id, target_id, version_id, from_version_id, to_version_id, tag_key,
         tag_value, reason, actor, host, prev_hash, hash, overrides, facts_digest, key_id, signature
  FROM events ORDER BY id;
DROP TABLE events;
ALTER TABLE events_v6 RENAME TO events;
CREATE INDEX events_by_model ON events(model_id, id);
CREATE INDEX events_by_target ON events(target_id, id);

INSERT INTO pending_switches(event_id, target_id) SELECT event_id, target_id FROM pending_switches_v6;
DROP TABLE pending_switches_v6;

CREATE TABLE move_proofs (
  event_id       INTEGER PRIMARY KEY REFERENCES events(id),
  at             INTEGER NOT NULL,
  verified       INTEGER NOT NULL,
  detail         TEXT NOT NULL,
  check_command  TEXT,
  check_outcome  TEXT CHECK (check_outcome IN ('passed','failed','timed_out')),
  check_exit     INTEGER,
  check_output   TEXT
);
INSERT INTO move_proofs SELECT * FROM move_proofs_v6 ORDER BY event_id;
DROP TABLE move_proofs_v6;

CREATE TRIGGER move_proofs_no_update BEFORE UPDATE ON move_proofs
BEGIN
  SELECT RAISE(ABORT, 'rewind: a move''s proof cannot change');
END;

CREATE TRIGGER move_proofs_no_delete BEFORE DELETE ON move_proofs
BEGIN
  SELECT RAISE(ABORT, 'rewind: a move''s proof cannot be deleted');
END;

-- rule 2, as schema 5 left it: every column stays as written; the one change allowed is signing an unsigned event
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

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'rewind: events are append-only and cannot be deleted');
END;
