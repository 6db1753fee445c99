-- The audit trail (SQLite, the embedded store). The same tables as on H2 and PostgreSQL at their latest schema
-- (firings in the record's row, see org.lbp.cds.audit.StoredFirings): an SQLite store starts there, it has no
-- earlier version to migrate from. Append-only: the service has no UPDATE or DELETE path on these tables except the
-- chain head, which it moves forward under the store's write lock (every write transaction of the service takes it
-- at its start, BEGIN IMMEDIATE). Each record's hash covers the previous record's hash and its own content (see
-- org.lbp.cds.audit.ChainHash).
-- Times (stored_at, evaluated_at, rejected_at) are milliseconds since 1970-01-01 UTC, as the JDBC driver writes a
-- timestamp; evaluated_at_iso keeps the evaluation's time as the protocol gave it.

CREATE TABLE ruleset (
    version      VARCHAR(80)  PRIMARY KEY,
    stored_at    TIMESTAMP    NOT NULL,
    files        TEXT         NOT NULL  -- JSON: [{"name": "rules/x.drl", "content": "..."}]
);

CREATE TABLE chain_head (
    id           INTEGER      PRIMARY KEY CHECK (id = 1),
    position     BIGINT       NOT NULL,
    hash         CHAR(64)     NOT NULL
);
INSERT INTO chain_head (id, position, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- position is the table's own row id (INTEGER PRIMARY KEY): records are appended in position order, so each commit
-- adds to the end of the table's tree.
CREATE TABLE evaluation_record (
    position         INTEGER      PRIMARY KEY,
    evaluation_id    VARCHAR(36)  NOT NULL UNIQUE,
    evaluated_at     TIMESTAMP    NOT NULL,
    evaluated_at_iso VARCHAR(40)  NOT NULL,
    caller           VARCHAR(200) NOT NULL,
    patient_id       VARCHAR(64)  NOT NULL,
    ruleset_version  VARCHAR(80)  NOT NULL REFERENCES ruleset (version),
    status           VARCHAR(32)  NOT NULL,
    config           TEXT         NOT NULL,
    intake           TEXT         NOT NULL,
    protocol         TEXT         NOT NULL,
    firings          TEXT         NOT NULL,  -- JSON array of the firings in order
    rule_ids         TEXT         NOT NULL,  -- the distinct rule ids, each between spaces: ' R01 R05 '
    previous_hash    CHAR(64)     NOT NULL,
    hash             CHAR(64)     NOT NULL
);
CREATE INDEX evaluation_record_patient ON evaluation_record (patient_id, evaluated_at);
CREATE INDEX evaluation_record_time ON evaluation_record (evaluated_at);
CREATE INDEX evaluation_record_status ON evaluation_record (status, evaluated_at);

CREATE TABLE rejected_request (
    id           INTEGER      PRIMARY KEY AUTOINCREMENT,
    rejected_at  TIMESTAMP    NOT NULL,
    caller       VARCHAR(200) NOT NULL,
    error_count  INTEGER      NOT NULL
);
CREATE INDEX rejected_request_time ON rejected_request (rejected_at);
