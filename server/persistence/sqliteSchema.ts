import type Database from 'better-sqlite3'

/** Schema migrations, applied in order; PRAGMA user_version records how many have run. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE workshops (
    id TEXT PRIMARY KEY,
    join_code TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    facilitator_key_hash TEXT NOT NULL UNIQUE
  );
  CREATE TABLE participants (
    workshop_id TEXT NOT NULL REFERENCES workshops(id),
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    centre TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    removed INTEGER NOT NULL DEFAULT 0,
    joined_at INTEGER NOT NULL,
    PRIMARY KEY (workshop_id, id)
  );
  CREATE TABLE doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    workshop_id TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX doc_updates_by_workshop ON doc_updates (workshop_id, seq);
  `,
  `
  CREATE TABLE vote_rounds (
    workshop_id TEXT NOT NULL REFERENCES workshops(id),
    id TEXT NOT NULL,
    number INTEGER NOT NULL,
    settings TEXT NOT NULL,
    status TEXT NOT NULL,
    opened_at INTEGER NOT NULL,
    PRIMARY KEY (workshop_id, id)
  );
  CREATE TABLE ballots (
    workshop_id TEXT NOT NULL,
    round_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    dots TEXT NOT NULL,
    PRIMARY KEY (workshop_id, round_id, participant_id),
    FOREIGN KEY (workshop_id, round_id) REFERENCES vote_rounds(workshop_id, id)
  );
  `,
  // The update log keyed by workshop, then seq (counted per workshop): a change touches one B-tree instead of the
  // table, its index by workshop and the AUTOINCREMENT counter, so a commit writes about half as many log pages, and a
  // workshop's updates load as one range. Seqs keep their values, so each workshop's order stays.
  `
  CREATE TABLE doc_log (
    workshop_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (workshop_id, seq)
  ) WITHOUT ROWID;
  INSERT INTO doc_log (workshop_id, seq, data) SELECT workshop_id, seq, data FROM doc_updates;
  DROP TABLE doc_updates;
  ALTER TABLE doc_log RENAME TO doc_updates;
  `,
]

/** Brings a database up to the current schema (or up to `target` migrations, to test the next one on old data). */
export function migrate(db: Database.Database, target = MIGRATIONS.length): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current; version < target; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '')
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}
