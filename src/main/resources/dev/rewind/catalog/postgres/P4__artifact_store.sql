-- Rewind catalog on PostgreSQL, script P4: where the team's content-addressed artifact store lives (a folder every
-- client reaches at the same path, such as an NFS mount). No row: each client keeps a store of its own beside its
-- local folder, as before. At most one row; `rewind init --artifacts DIR` and `rewind catalog artifacts DIR` set it.
CREATE TABLE artifact_store (
  only_one  boolean PRIMARY KEY DEFAULT true CHECK (only_one),
  dir       text COLLATE "C" NOT NULL CHECK (dir <> '')
);
