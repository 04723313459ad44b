-- Rewind team catalog, script 5 (SQLite schema 8): a target can move a pointer outside Rewind other than a
-- serving directory, an MLflow alias or a GTO stage; set once, with the target.
CREATE TABLE target_pointers (
  target_id  bigint PRIMARY KEY REFERENCES targets(id),
  kind       text COLLATE "C" NOT NULL CHECK (kind IN ('mlflow-alias', 'gto')),
  store      text COLLATE "C" NOT NULL,
  name       text COLLATE "C" NOT NULL,
  pointer    text COLLATE "C" NOT NULL
);

CREATE TRIGGER target_pointers_no_update BEFORE UPDATE ON target_pointers FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: a target''s external pointer cannot change');

-- without its row a target would quietly become recorded only: a pointer stays as long as its target
CREATE TRIGGER target_pointers_no_delete BEFORE DELETE ON target_pointers FOR EACH ROW
  EXECUTE FUNCTION rewind_refuse('rewind: a target''s external pointer cannot be removed');
