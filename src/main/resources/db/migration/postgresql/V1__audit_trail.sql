-- The audit trail (PostgreSQL). Append-only: the service has no UPDATE or DELETE path on these tables except the
-- chain head, which it moves forward under a row lock. Each record's hash covers the previous record's hash and
-- its own content (see org.lbp.cds.audit.ChainHash).

CREATE TABLE ruleset (
    version      VARCHAR(80)  PRIMARY KEY,
    stored_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    files        TEXT         NOT NULL  -- JSON: [{"name": "rules/x.drl", "content": "..."}]
);

CREATE TABLE chain_head (
    id           INTEGER      PRIMARY KEY CHECK (id = 1),
    position     BIGINT       NOT NULL,
    hash         CHAR(64)     NOT NULL
);
INSERT INTO chain_head (id, position, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE evaluation_record (
    position         BIGINT       PRIMARY KEY,
    evaluation_id    VARCHAR(36)  NOT NULL UNIQUE,
    evaluated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    evaluated_at_iso VARCHAR(40)  NOT NULL,
    caller           VARCHAR(200) NOT NULL,
    patient_id       VARCHAR(64)  NOT NULL,
    ruleset_version  VARCHAR(80)  NOT NULL REFERENCES ruleset (version),
    status           VARCHAR(32)  NOT NULL,
    config           TEXT         NOT NULL,
    intake           TEXT         NOT NULL,
    protocol         TEXT         NOT NULL,
    previous_hash    CHAR(64)     NOT NULL,
    hash             CHAR(64)     NOT NULL
);
CREATE INDEX evaluation_record_patient ON evaluation_record (patient_id, evaluated_at);
CREATE INDEX evaluation_record_time ON evaluation_record (evaluated_at);
CREATE INDEX evaluation_record_status ON evaluation_record (status, evaluated_at);

CREATE TABLE rule_firing (
    position     BIGINT       NOT NULL REFERENCES evaluation_record (position),
    sequence     INTEGER      NOT NULL,
    rule_id      VARCHAR(8)   NOT NULL,
    rule_name    VARCHAR(400) NOT NULL,
    facts        TEXT         NOT NULL,
    PRIMARY KEY (position, sequence)
);
CREATE INDEX rule_firing_rule ON rule_firing (rule_id, position);

CREATE TABLE rejected_request (
    id           BIGSERIAL    PRIMARY KEY,
    rejected_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    caller       VARCHAR(200) NOT NULL,
    error_count  INTEGER      NOT NULL
);
CREATE INDEX rejected_request_time ON rejected_request (rejected_at);
