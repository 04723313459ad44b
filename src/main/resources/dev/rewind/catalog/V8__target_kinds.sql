-- Rewind catalog schema, version 8: a target can move a pointer outside Rewind other than a serving directory,
-- an MLflow alias or a GTO stage. The pointer is set once, with the target, so every move and every verify
-- talks to the same place; a target without a row here is a serving directory (or recorded only).
CREATE TABLE target_pointers (
  target_id  INTEGER PRIMARY KEY REFERENCES targets(id),
  kind       TEXT NOT NULL CHECK (kind IN ('mlflow-alias', 'gto')),
  store      TEXT NOT NULL,
  name       TEXT NOT NULL,
  pointer    TEXT NOT NULL
);

CREATE TRIGGER target_pointers_no_update BEFORE UPDATE ON target_pointers
BEGIN
  SELECT RAISE(ABORT, 'rewind: a target''s external pointer cannot change');
END;

-- without its row a target would quietly become recorded only: a pointer stays as long as its target
CREATE TRIGGER target_pointers_no_delete BEFORE DELETE ON target_pointers
BEGIN
  SELECT RAISE(ABORT, 'rewind: a target''s external pointer cannot be removed');
END;
