-- Rewind catalog on PostgreSQL, schema 1: the tables of SQLite schema 6, the same rules kept by triggers, and the
-- few SQLite forms the shared queries use. Text sorts and compares byte by byte (COLLATE "C", as in SQLite), so
-- queries order rows and digests cover values exactly as they do on SQLite. Times are milliseconds since the epoch.

CREATE TABLE rewind_schema (
  version  integer NOT NULL
);

-- SQLite's NOCASE, for the 'stable' and 'failed' tags whatever their case
CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- SQLite's storage class of a value, which the metrics digest covers
CREATE FUNCTION typeof(v anyelement) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN 'null'
              WHEN pg_typeof(v) IN ('bigint'::regtype, 'integer'::regtype, 'smallint'::regtype) THEN 'integer'
              WHEN pg_typeof(v) IN ('double precision'::regtype, 'real'::regtype) THEN 'real'
              WHEN pg_typeof(v) = 'bytea'::regtype THEN 'blob'
              ELSE 'text' END
$$;

-- max() over truth values, 0 or 1 as in SQLite (the timeline's buckets ask whether any version is failed or live)
CREATE FUNCTION rewind_max_truth(state integer, v boolean) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT greatest(state, v::integer)
$$;
CREATE AGGREGATE max(boolean) (SFUNC = rewind_max_truth, STYPE = integer);

-- ids as SQLite gives rowids: one more than the largest, unless the writer names one (bulk loads do)
CREATE FUNCTION rewind_next_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    EXECUTE format('SELECT coalesce(max(id), 0) + 1 FROM %I', TG_TABLE_NAME) INTO NEW.id;
  END IF;
  RETURN NEW;
END
$$;

CREATE FUNCTION rewind_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
END
$$;

-- rule 3 of the team catalog: who did it is the database's session user, not what the client says
CREATE FUNCTION rewind_event_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.actor := session_user;
  RETURN NEW;
END
$$;

CREATE TABLE models (
  id          bigint PRIMARY KEY,
  name        text COLLATE "C" NOT NULL UNIQUE,
  created_at  bigint NOT NULL
);

CREATE TABLE versions (
  id              bigint PRIMARY KEY,
  model_id        bigint NOT NULL REFERENCES models(id),
  label           text COLLATE "C" NOT NULL,
  seq             bigint NOT NULL,
  created_at      bigint NOT NULL,
  author          text COLLATE "C",
  description     text COLLATE "C",
  artifact_uri    text COLLATE "C",
  artifact_sha256 text COLLATE "C",
  artifact_size   bigint,
  source_run      text COLLATE "C",
  parent_id       bigint REFERENCES versions(id),
  UNIQUE (model_id, label),
  UNIQUE (model_id, seq)
);
CREATE INDEX versions_by_model_time ON versions(model_id, created_at);
CREATE INDEX versions_timeline ON versions(model_id, created_at, seq, label);

CREATE TABLE metrics (
  version_id  bigint NOT NULL REFERENCES versions(id),
  key         text COLLATE "C" NOT NULL,
  value       double precision,
  step        bigint,
  dataset     text COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX metrics_by_version ON metrics(version_id, key, step);

CREATE TABLE params (
  version_id  bigint NOT NULL REFERENCES versions(id),
  key         text COLLATE "C" NOT NULL,
  value       text COLLATE "C",
  PRIMARY KEY (version_id, key)
);

CREATE TABLE version_tags (
  version_id  bigint NOT NULL REFERENCES versions(id),
  key         text COLLATE "C" NOT NULL,
  value       text COLLATE "C",
  PRIMARY KEY (version_id, key)
);
CREATE INDEX version_tags_by_key ON version_tags(key COLLATE nocase, version_id);

CREATE TABLE version_initial_tags (
  version_id  bigint NOT NULL REFERENCES versions(id),
  key         text COLLATE "C" NOT NULL,
  value       text COLLATE "C",
  PRIMARY KEY (version_id, key)
);

CREATE TABLE version_provenance (
  version_id  bigint NOT NULL REFERENCES versions(id),
  key         text COLLATE "C" NOT NULL,
  value       text COLLATE "C",
  PRIMARY KEY (version_id, key)
);

CREATE TABLE model_tags (
  model_id  bigint NOT NULL REFERENCES models(id),
  key       text COLLATE "C" NOT NULL,
  value     text COLLATE "C",
  PRIMARY KEY (model_id, key)
);

CREATE TABLE targets (
  id           bigint PRIMARY KEY,
  model_id     bigint NOT NULL REFERENCES models(id),
  name         text COLLATE "C" NOT NULL,
  serving_dir  text COLLATE "C",
  version_id   bigint REFERENCES versions(id),
  protected    integer NOT NULL DEFAULT 0 CHECK (protected IN (0, 1)),
  retired      integer NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  UNIQUE (model_id, name)
);

CREATE TABLE target_guards (
  target_id  bigint NOT NULL REFERENCES targets(id),
  key        text COLLATE "C" NOT NULL,
  min        double precision,
  max        double precision,
  PRIMARY KEY (target_id, key)
);

CREATE TABLE target_checks (
  target_id   bigint PRIMARY KEY REFERENCES targets(id),
  command     text COLLATE "C" NOT NULL,
  timeout_ms  bigint NOT NULL
);

CREATE TABLE events (
  id               bigint PRIMARY KEY,
  at               bigint NOT NULL,
  kind             text COLLATE "C" NOT NULL CHECK (kind IN ('register','tag','untag','target','deploy','rollback',
                   'import','protect','unprotect','guard','retire')),
  model_id         bigint REFERENCES models(id),
  target_id        bigint REFERENCES targets(id),
  version_id       bigint REFERENCES versions(id),
  from_version_id  bigint REFERENCES versions(id),
  to_version_id    bigint REFERENCES versions(id),
  tag_key          text COLLATE "C",
  tag_value        text COLLATE "C",
  reason           text COLLATE "C",
  actor            text COLLATE "C" NOT NULL DEFAULT session_user,
  host             text COLLATE "C" NOT NULL,
  prev_hash        text COLLATE "C" NOT NULL,
  hash             text COLLATE "C" NOT NULL,
  overrides        text COLLATE "C",
  facts_digest     text COLLATE "C",
  key_id           text COLLATE "C",
  signature        text COLLATE "C",
  -- when the source says an imported move happened (SQLite schema 7); null: when it was recorded
  effective_at     bigint
);
CREATE INDEX events_by_model ON events(model_id, id);
CREATE INDEX events_by_target ON events(target_id, id);
CREATE INDEX events_moves ON events(model_id, id, target_id, at, effective_at, kind, to_version_id)
  WHERE kind IN ('deploy','rollback','import');
CREATE INDEX events_target_moves ON events(target_id, at, effective_at, kind) WHERE kind IN ('deploy','rollback','import');

CREATE TABLE pending_switches (
  event_id   bigint PRIMARY KEY REFERENCES events(id),
  target_id  bigint NOT NULL REFERENCES targets(id)
);

CREATE TABLE metric_directions (
  key           text COLLATE "C" PRIMARY KEY,
  direction     text COLLATE "C" NOT NULL CHECK (direction IN ('higher','lower')),
  unit          text COLLATE "C",
  display_name  text COLLATE "C"
);

CREATE TABLE move_proofs (
  event_id       bigint PRIMARY KEY REFERENCES events(id),
  at             bigint NOT NULL,
  verified       integer NOT NULL,
  detail         text COLLATE "C" NOT NULL,
  check_command  text COLLATE "C",
  check_outcome  text COLLATE "C" CHECK (check_outcome IN ('passed','failed','timed_out')),
  check_exit     integer,
  check_output   text COLLATE "C"
);

CREATE TABLE keys (
  id          text COLLATE "C" PRIMARY KEY,
  actor       text COLLATE "C" NOT NULL,
  public_key  text COLLATE "C" NOT NULL,
  created_at  bigint NOT NULL
);

CREATE TABLE chain_info (
  catalog_id          text COLLATE "C" NOT NULL,
  first_sealed_event  bigint NOT NULL
);
INSERT INTO chain_info(catalog_id, first_sealed_event) VALUES (md5(random()::text || clock_timestamp()::text), 1);

CREATE TRIGGER models_id BEFORE INSERT ON models FOR EACH ROW EXECUTE FUNCTION rewind_next_id();
CREATE TRIGGER versions_id BEFORE INSERT ON versions FOR EACH ROW EXECUTE FUNCTION rewind_next_id();
CREATE TRIGGER targets_id BEFORE INSERT ON targets FOR EACH ROW EXECUTE FUNCTION rewind_next_id();
CREATE TRIGGER events_actor BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION rewind_event_actor();

-- Rule 2: history is append-only; the one change allowed is signing an unsigned event (the newest of a
-- transaction is signed just before it commits, and its hash seals the events before it).
CREATE TRIGGER events_no_update BEFORE UPDATE ON events FOR EACH ROW
  WHEN (old.signature IS NOT NULL OR new.signature IS NULL
    OR (new.id, new.at, new.kind, new.model_id, new.target_id, new.version_id, new.from_version_id,
        new.to_version_id, new.tag_key, new.tag_value, new.reason, new.actor, new.host, new.prev_hash, new.hash,
        new.overrides, new.facts_digest, new.effective_at)
       IS DISTINCT FROM
       (old.id, old.at, old.kind, old.model_id, old.target_id, old.version_id, old.from_version_id,
        old.to_version_id, old.tag_key, old.tag_value, old.reason, old.actor, old.host, old.prev_hash, old.hash,
        old.overrides, old.facts_digest, old.effective_at))
  EXECUTE FUNCTION rewind_refuse('rewind: events are append-only and cannot be updated');
CREATE TRIGGER events_no_delete BEFORE DELETE ON events FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: events are append-only and cannot be deleted');
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT
  EXECUTE FUNCTION rewind_refuse('rewind: events are append-only and cannot be deleted');

-- Rule 3: a version's identity and artifact never change; versions are never deleted.
CREATE TRIGGER versions_identity_frozen BEFORE UPDATE ON versions FOR EACH ROW
  WHEN ((new.id, new.model_id, new.label, new.seq, new.created_at, new.artifact_uri, new.artifact_sha256,
         new.artifact_size)
        IS DISTINCT FROM
        (old.id, old.model_id, old.label, old.seq, old.created_at, old.artifact_uri, old.artifact_sha256,
         old.artifact_size))
  EXECUTE FUNCTION rewind_refuse('rewind: a version''s identity and artifact cannot change');
CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: versions are never deleted');
CREATE TRIGGER versions_no_truncate BEFORE TRUNCATE ON versions FOR EACH STATEMENT
  EXECUTE FUNCTION rewind_refuse('rewind: versions are never deleted');
CREATE TRIGGER metrics_no_update BEFORE UPDATE ON metrics FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: a version''s metrics cannot change');
CREATE TRIGGER metrics_no_delete BEFORE DELETE ON metrics FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: a version''s metrics cannot be deleted');
CREATE TRIGGER params_no_update BEFORE UPDATE ON params FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: a version''s params cannot change');
CREATE TRIGGER params_no_delete BEFORE DELETE ON params FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: a version''s params cannot be deleted');
CREATE TRIGGER models_no_delete BEFORE DELETE ON models FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: models are never deleted');
CREATE TRIGGER provenance_no_update BEFORE UPDATE ON version_provenance FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: a version''s provenance cannot change');
CREATE TRIGGER provenance_no_delete BEFORE DELETE ON version_provenance FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: a version''s provenance cannot be deleted');
CREATE TRIGGER move_proofs_no_update BEFORE UPDATE ON move_proofs FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: a move''s proof cannot change');
CREATE TRIGGER move_proofs_no_delete BEFORE DELETE ON move_proofs FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: a move''s proof cannot be deleted');
CREATE TRIGGER keys_no_update BEFORE UPDATE ON keys FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: signing keys cannot change');
CREATE TRIGGER keys_no_delete BEFORE DELETE ON keys FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: signing keys cannot be deleted');
CREATE TRIGGER initial_tags_no_update BEFORE UPDATE ON version_initial_tags FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: a version''s registered tags cannot change');
CREATE TRIGGER initial_tags_no_delete BEFORE DELETE ON version_initial_tags FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: a version''s registered tags cannot be deleted');
CREATE TRIGGER chain_info_frozen BEFORE UPDATE ON chain_info FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: the chain''s starting point cannot change');
CREATE TRIGGER chain_info_no_delete BEFORE DELETE ON chain_info FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: the chain''s starting point cannot be deleted');

INSERT INTO rewind_schema(version) VALUES (1);
