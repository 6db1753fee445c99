-- H2 stores CLOB values out of row, through its LOB storage: measured under load, that was the largest single cost of
-- writing an audit record. The texts are bounded (an intake is at most 64 KiB, a protocol and a ruleset far less than
-- 1 MB), so they are stored in row as VARCHAR. PostgreSQL's TEXT needs no such change.
ALTER TABLE ruleset ALTER COLUMN files SET DATA TYPE VARCHAR(1000000);
ALTER TABLE evaluation_record ALTER COLUMN config SET DATA TYPE VARCHAR(10000);
ALTER TABLE evaluation_record ALTER COLUMN intake SET DATA TYPE VARCHAR(1000000);
ALTER TABLE evaluation_record ALTER COLUMN protocol SET DATA TYPE VARCHAR(1000000);
ALTER TABLE rule_firing ALTER COLUMN facts SET DATA TYPE VARCHAR(4000);
