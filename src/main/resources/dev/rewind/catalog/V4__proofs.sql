-- Rewind catalog schema, version 4: post-switch checks of targets, and what reading each move back showed.
-- (events.kind keeps V1's CHECK: a move's proof is stored beside its event instead of as an event of a new kind)
CREATE TABLE target_checks (
  target_id   INTEGER PRIMARY KEY REFERENCES targets(id),
  command     TEXT NOT NULL,
  timeout_ms  INTEGER NOT NULL
);

-- one row per deploy or rollback made with this version of Rewind: the read-back and the check's outcome
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

-- a proof is part of the history (rule 2)
CREATE TRIGGER move_proofs_no_update BEFORE UPDATE ON move_proofs
BEGIN
  SELECT RAISE(ABORT, 'rewind: a move''s proof cannot change');
END;

CREATE TRIGGER move_proofs_no_delete BEFORE DELETE ON move_proofs
BEGIN
  SELECT RAISE(ABORT, 'rewind: a move''s proof cannot be deleted');
END;
