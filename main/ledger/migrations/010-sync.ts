// The register's link to HQ. The journal stays the source of truth and is never trimmed by an
// upload: the link only records what HQ has acknowledged (its head of our chain), how the last
// attempt went, and the versions of catalog, operators and settings pulled from HQ with the
// moment each takes effect.
export const sync = `
CREATE TABLE sync_link (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  hq_url        TEXT NOT NULL,
  register_id   TEXT NOT NULL,                 -- HQ's name for this register
  shop_id       TEXT NOT NULL,
  secret        BLOB NOT NULL,                 -- the HMAC key, sealed by the register's secret box
  secret_box    TEXT NOT NULL,
  enrolled_at   INTEGER NOT NULL,
  -- What HQ acknowledged holding: entries up to acked_seq, the last with acked_hash.
  acked_seq     INTEGER NOT NULL DEFAULT 0,
  acked_hash    TEXT,
  acked_at      INTEGER,
  -- idle / uploading / retrying / refused (HQ refused the chain: a fork or tampering, the owner must look)
  state         TEXT NOT NULL DEFAULT 'idle' CHECK (state IN ('idle', 'retrying', 'refused')),
  failures      INTEGER NOT NULL DEFAULT 0,
  last_error    TEXT,                          -- an error code (hq.* or sync.*)
  last_error_params TEXT,                      -- its parameters, JSON
  last_attempt_at INTEGER,
  next_attempt_at INTEGER,
  clock_offset_ms INTEGER NOT NULL DEFAULT 0,  -- HQ's clock minus ours, learnt from a clock_skew refusal
  down_version  INTEGER NOT NULL DEFAULT 0,    -- the last version pulled
  pulled_at     INTEGER
) STRICT;

CREATE TABLE sync_versions (
  version       INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('catalog', 'operators', 'settings')),
  effective_at  INTEGER NOT NULL,
  body          TEXT NOT NULL,                 -- JSON as HQ sent it
  received_at   INTEGER NOT NULL,
  applied_at    INTEGER
) STRICT;
CREATE INDEX sync_versions_pending ON sync_versions(effective_at, version) WHERE applied_at IS NULL;
`;
