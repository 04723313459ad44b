-- Rewind catalog schema, version 1. Times are milliseconds since the epoch (UTC).
CREATE TABLE models (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  created_at  INTEGER NOT NULL
);

CREATE TABLE versions (
  id              INTEGER PRIMARY KEY,
  model_id        INTEGER NOT NULL REFERENCES models(id),
  label           TEXT NOT NULL,
  seq             INTEGER NOT NULL,
  created_at      INTEGER NOT NULL,
  author          TEXT,
  description     TEXT,
  artifact_uri    TEXT,
  artifact_sha256 TEXT,
  artifact_size   INTEGER,
  source_run      TEXT,
  parent_id       INTEGER REFERENCES versions(id),
  UNIQUE (model_id, label),
  UNIQUE (model_id, seq)
);
-- the timeline: versions of a model by time
CREATE INDEX versions_by_model_time ON versions(model_id, created_at);

CREATE TABLE metrics (
  version_id  INTEGER NOT NULL REFERENCES versions(id),
  key         TEXT NOT NULL,
  value       REAL,
  step        INTEGER,
  dataset     TEXT NOT NULL DEFAULT ''
);
-- metrics of a version (details, compare); summary rows have step NULL
CREATE INDEX metrics_by_version ON metrics(version_id, key, step);

CREATE TABLE params (
  version_id  INTEGER NOT NULL REFERENCES versions(id),
  key         TEXT NOT NULL,
  value       TEXT,
  PRIMARY KEY (version_id, key)
) WITHOUT ROWID;

CREATE TABLE version_tags (
  version_id  INTEGER NOT NULL REFERENCES versions(id),
  key         TEXT NOT NULL,
  value       TEXT,
  PRIMARY KEY (version_id, key)
) WITHOUT ROWID;

CREATE TABLE targets (
  id           INTEGER PRIMARY KEY,
  model_id     INTEGER NOT NULL REFERENCES models(id),
  name         TEXT NOT NULL,
  serving_dir  TEXT,
  version_id   INTEGER REFERENCES versions(id),
  UNIQUE (model_id, name)
);

CREATE TABLE events (
  id               INTEGER PRIMARY KEY,
  at               INTEGER NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('register','tag','untag','target','deploy','rollback','import')),
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
  hash             TEXT NOT NULL
);
-- history of a model and of a target, newest first
CREATE INDEX events_by_model ON events(model_id, id);
CREATE INDEX events_by_target ON events(target_id, id);

-- serving-directory switches committed in the catalog but not yet confirmed on disk
CREATE TABLE pending_switches (
  event_id   INTEGER PRIMARY KEY REFERENCES events(id),
  target_id  INTEGER NOT NULL REFERENCES targets(id)
);

CREATE TABLE metric_directions (
  key           TEXT PRIMARY KEY,
  direction     TEXT NOT NULL CHECK (direction IN ('higher','lower')),
  unit          TEXT,
  display_name  TEXT
);

-- Rule 2: history is append-only.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'rewind: events are append-only and cannot be updated');
END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'rewind: events are append-only and cannot be deleted');
END;

-- Rule 3: a version's identity and artifact never change; versions are never deleted.
CREATE TRIGGER versions_identity_frozen
BEFORE UPDATE OF id, model_id, label, seq, created_at, artifact_uri, artifact_sha256, artifact_size ON versions
BEGIN
  SELECT RAISE(ABORT, 'rewind: a version''s identity and artifact cannot change');
END;

CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions
BEGIN
  SELECT RAISE(ABORT, 'rewind: versions are never deleted');
END;

CREATE TRIGGER metrics_no_update BEFORE UPDATE ON metrics
BEGIN
  SELECT RAISE(ABORT, 'rewind: a version''s metrics cannot change');
END;

CREATE TRIGGER metrics_no_delete BEFORE DELETE ON metrics
BEGIN
  SELECT RAISE(ABORT, 'rewind: a version''s metrics cannot be deleted');
END;

CREATE TRIGGER params_no_update BEFORE UPDATE ON params
BEGIN
  SELECT RAISE(ABORT, 'rewind: a version''s params cannot change');
END;

CREATE TRIGGER params_no_delete BEFORE DELETE ON params
BEGIN
  SELECT RAISE(ABORT, 'rewind: a version''s params cannot be deleted');
END;

CREATE TRIGGER models_no_delete BEFORE DELETE ON models
BEGIN
  SELECT RAISE(ABORT, 'rewind: models are never deleted');
END;
