-- A record's rule firings move into its own row: one JSON array in firing order, and the distinct rule ids between
-- spaces for searches by rule (see org.lbp.cds.audit.StoredFirings). Writing ~25 indexed firing rows per evaluation
-- was most of the audit's cost under load. The hash chain covers the firings field by field, not their storage, so
-- every existing record keeps its hash; the firings of existing records are moved, then the old table is dropped.
ALTER TABLE evaluation_record ADD COLUMN firings TEXT;
ALTER TABLE evaluation_record ADD COLUMN rule_ids TEXT;

UPDATE evaluation_record r SET
    firings = (SELECT json_agg(json_build_object('sequence', f.sequence, 'ruleId', f.rule_id,
                   'ruleName', f.rule_name, 'facts', f.facts) ORDER BY f.sequence)::text
               FROM rule_firing f WHERE f.position = r.position),
    rule_ids = (SELECT ' ' || string_agg(DISTINCT f.rule_id, ' ' ORDER BY f.rule_id) || ' '
                FROM rule_firing f WHERE f.position = r.position);
UPDATE evaluation_record SET firings = '[]', rule_ids = ' ' WHERE firings IS NULL;

ALTER TABLE evaluation_record ALTER COLUMN firings SET NOT NULL;
ALTER TABLE evaluation_record ALTER COLUMN rule_ids SET NOT NULL;
DROP TABLE rule_firing;
