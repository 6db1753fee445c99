-- A record's long texts (intake, protocol, firings, thresholds) are compressed with lz4 instead of PostgreSQL's default,
-- pglz: PostgreSQL compresses them on every insert (a record's row is several KB), and under load that was about a third
-- of its CPU per record. Measured on 2026-11-27 (docs/performance.md): 105-110 µs of PostgreSQL's CPU per record with
-- lz4 against 144-158 µs with pglz, and 1.07-1.16 × the evaluations per second. The texts read back the same; values
-- written before keep pglz. A server older than 14 or built without lz4 keeps pglz (slower, not wrong).
DO $$
BEGIN
    IF current_setting('server_version_num')::integer >= 140000 THEN
        EXECUTE 'ALTER TABLE evaluation_record'
            || ' ALTER COLUMN config SET COMPRESSION lz4, ALTER COLUMN intake SET COMPRESSION lz4,'
            || ' ALTER COLUMN protocol SET COMPRESSION lz4, ALTER COLUMN firings SET COMPRESSION lz4';
    END IF;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available on this server: the audit texts stay compressed with pglz';
END
$$;
