-- Rewind catalog schema, version 3: protected targets, metric guards, and overrides recorded on moves.
ALTER TABLE targets ADD COLUMN protected INTEGER NOT NULL DEFAULT 0 CHECK (protected IN (0, 1));

CREATE TABLE target_guards (
  target_id  INTEGER NOT NULL REFERENCES targets(id),
  key        TEXT NOT NULL,
  min        REAL,
  max        REAL,
  PRIMARY KEY (target_id, key)
) WITHOUT ROWID;

-- events gains kinds and a column. SQLite cannot change a CHECK in place, so the table is rebuilt: the
-- pending switches that refer to events are set aside while it is, the rows are copied with their ids and
-- hashes unchanged, and the indexes and the append-only triggers (rule 2) are created again.
CREATE TABLE pending_switches_v3 AS SELECT event_id, target_id FROM pending_switches;
DELETE FROM pending_switches;

CREATE TABLE events_v3 (
  id               INTEGER PRIMARY KEY,
  at               INTEGER NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('register','tag','untag','target','deploy','rollback','import','protect','unprotect','guard')),
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
  overrides        TEXT
);
INSERT INTO events_v3(id, at, kind, model_id, target_id, version_id, from_version_id, to_version_id, tag_key,
                      tag_value, reason, actor, host, prev_hash, hash)
  SELECT id, at, kind, model_id, target_id, version_id, from_version_id, to_version_id, tag_key,
         tag_value, reason, actor, host, prev_hash, hash FROM events ORDER BY id;
DROP TABLE events;
ALTER TABLE events_v3 RENAME TO events;
CREATE INDEX events_by_model ON events(model_id, id);
CREATE INDEX events_by_target ON events(target_id, id);

INSERT INTO pending_switches(event_id, target_id) SELECT event_id, target_id FROM pending_switches_v3;
DROP TABLE pending_switches_v3;

-- Rule 2: history is append-only.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'rewind: events are append-only and cannot be updated');
END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'rewind: events are append-only and cannot be deleted');
END;
