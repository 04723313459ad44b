-- Rewind catalog schema, version 2: where imported versions came from, and model tags.
CREATE TABLE version_provenance (
  version_id  INTEGER NOT NULL REFERENCES versions(id),
  key         TEXT NOT NULL,
  value       TEXT,
  PRIMARY KEY (version_id, key)
) WITHOUT ROWID;

CREATE TABLE model_tags (
  model_id  INTEGER NOT NULL REFERENCES models(id),
  key       TEXT NOT NULL,
  value     TEXT,
  PRIMARY KEY (model_id, key)
) WITHOUT ROWID;

-- provenance is part of a version's identity (rule 3)
CREATE TRIGGER provenance_no_update BEFORE UPDATE ON version_provenance
BEGIN
  SELECT RAISE(ABORT, 'rewind: a version''s provenance cannot change');
END;

CREATE TRIGGER provenance_no_delete BEFORE DELETE ON version_provenance
BEGIN
  SELECT RAISE(ABORT, 'rewind: a version''s provenance cannot be deleted');
END;
