package org.lbp.cds.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import org.lbp.cds.audit.api.EvaluationPage;
import org.lbp.cds.audit.api.EvaluationSummary;
import org.lbp.cds.audit.api.FiringView;
import org.lbp.cds.audit.api.RecordView;
import org.lbp.cds.audit.api.RejectionReport;
import org.lbp.cds.audit.api.RuleFiringCount;
import org.lbp.cds.audit.api.RuleFiringReport;
import org.lbp.cds.audit.api.VerifyReport;
import org.lbp.cds.rules.RuleFile;

/** Reads the audit trail for auditors: records, searches, counts, the chain check and stored rulesets. Read-only. */
@ApplicationScoped
public class AuditRepository {

    /** Records read per round trip when walking the chain. */
    static final int VERIFY_PAGE = 500;

    /** Stands for firings whose stored text was altered beyond reading: no hash can match it. */
    private static final List<AuditEntry.FiringEntry> UNREADABLE = List.of(
            new AuditEntry.FiringEntry(-1, "?", "the stored firings are not readable", ""));

    private final AuditDatabase database;

    public AuditRepository(AuditDatabase database) {
        this.database = database;
    }

    /** A search of evaluations; every criterion optional. {@code to} is exclusive. */
    public record Search(String patientId, Instant from, Instant to, String status, String ruleId, int page, int size) {
    }

    public Optional<RecordView> find(String evaluationId) {
        String sql = "SELECT position, evaluation_id, evaluated_at_iso, caller, patient_id, ruleset_version, status, config,"
                + " intake, protocol, previous_hash, hash, firings FROM evaluation_record WHERE evaluation_id = ?";
        try (Connection connection = database.connection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, evaluationId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long position = row.getLong(1);
                return Optional.of(new RecordView(row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getString(6), row.getString(7), Canonical.parse(row.getString(8)),
                        Canonical.parse(row.getString(9)), Canonical.parse(row.getString(10)),
                        firings(row.getString(13)), position, row.getString(11), row.getString(12)));
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static List<FiringView> firings(String stored) {
        List<AuditEntry.FiringEntry> firings = StoredFirings.parse(stored);
        List<FiringView> views = new ArrayList<>();
        if (firings != null) { // unreadable (altered in the database): shown without firings, reported by verify
            firings.forEach(f -> views.add(new FiringView(f.sequence(), f.ruleId(), f.ruleName(), f.facts())));
        }
        return views;
    }

    public EvaluationPage search(Search search) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (search.patientId() != null) {
            where.append(" AND r.patient_id = ?");
            parameters.add(search.patientId());
        }
        if (search.from() != null) {
            where.append(" AND r.evaluated_at >= ?");
            parameters.add(Timestamp.from(search.from()));
        }
        if (search.to() != null) {
            where.append(" AND r.evaluated_at < ?");
            parameters.add(Timestamp.from(search.to()));
        }
        if (search.status() != null) {
            where.append(" AND r.status = ?");
            parameters.add(search.status());
        }
        if (search.ruleId() != null) {
            String pattern = StoredFirings.ruleIdPattern(search.ruleId());
            where.append(pattern == null ? " AND 1 = 0" : " AND r.rule_ids LIKE ?");
            if (pattern != null) {
                parameters.add(pattern);
            }
        }
        try (Connection connection = database.connection()) {
            long total;
            try (PreparedStatement count = prepare(connection, "SELECT COUNT(*) FROM evaluation_record r" + where, parameters);
                    ResultSet row = count.executeQuery()) {
                row.next();
                total = row.getLong(1);
            }
            List<Object> paged = new ArrayList<>(parameters);
            paged.add(search.size());
            paged.add((long) search.page() * search.size());
            List<EvaluationSummary> items = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT r.evaluation_id, r.evaluated_at_iso, r.patient_id,"
                    + " r.status, r.ruleset_version, r.caller FROM evaluation_record r" + where
                    + " ORDER BY r.position DESC LIMIT ? OFFSET ?", paged);
                    ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    items.add(new EvaluationSummary(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6)));
                }
            }
            return new EvaluationPage(search.page(), search.size(), total, items);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * How often each rule fired in a period, and in how many evaluations: counted from the records' stored firings,
     * read a page at a time (an auditor's report, not a request-path query).
     */
    public RuleFiringReport ruleFirings(Instant from, Instant to) {
        record Key(String ruleId, String ruleName) {
        }
        Map<Key, long[]> counts = new TreeMap<>(Comparator.comparing(Key::ruleId).thenComparing(Key::ruleName));
        long evaluations = 0;
        try (Connection connection = database.connection()) {
            long after = Long.MIN_VALUE;
            while (true) {
                int read = 0;
                try (PreparedStatement query = prepare(connection, "SELECT position, firings FROM evaluation_record"
                        + " WHERE evaluated_at >= ? AND evaluated_at < ? AND position > ? ORDER BY position LIMIT " + VERIFY_PAGE,
                        List.of(Timestamp.from(from), Timestamp.from(to), after));
                        ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        read++;
                        after = row.getLong(1);
                        List<AuditEntry.FiringEntry> firings = StoredFirings.parse(row.getString(2));
                        Set<Key> seen = new HashSet<>();
                        for (AuditEntry.FiringEntry firing : firings == null ? List.<AuditEntry.FiringEntry>of() : firings) {
                            Key key = new Key(firing.ruleId(), firing.ruleName());
                            long[] count = counts.computeIfAbsent(key, k -> new long[2]);
                            count[0]++;
                            if (seen.add(key)) {
                                count[1]++;
                            }
                        }
                    }
                }
                evaluations += read;
                if (read < VERIFY_PAGE) {
                    break;
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        List<RuleFiringCount> rules = new ArrayList<>();
        counts.forEach((key, count) -> rules.add(new RuleFiringCount(key.ruleId(), key.ruleName(), count[0], count[1])));
        return new RuleFiringReport(from.toString(), to.toString(), evaluations, rules);
    }

    public RejectionReport rejections(Instant from, Instant to) {
        try (Connection connection = database.connection();
                PreparedStatement count = prepare(connection,
                        "SELECT COUNT(*) FROM rejected_request WHERE rejected_at >= ? AND rejected_at < ?",
                        List.of(Timestamp.from(from), Timestamp.from(to)));
                ResultSet row = count.executeQuery()) {
            row.next();
            return new RejectionReport(from.toString(), to.toString(), row.getLong(1));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Walks the chain from the first record: each record's previous hash must be the hash of the record before it
     * (genesis for the first), its position the next one, and its hash the one recomputed from its stored content and
     * firings; the chain head, as read at the start, must name the last record up to it, and no record may lie beyond
     * the head. Reports the first place where this fails. The service may go on recording meanwhile: what is committed
     * after the head was read is left to the next check.
     */
    public VerifyReport verify() {
        try (Connection connection = database.connection()) {
            long headPosition;
            String headHash;
            try (PreparedStatement head = connection.prepareStatement("SELECT position, hash FROM chain_head WHERE id = 1");
                    ResultSet row = head.executeQuery()) {
                if (!row.next()) {
                    return new VerifyReport(false, 0, null, new VerifyReport.BrokenLink(0, null, "the chain head is missing"));
                }
                headPosition = row.getLong(1);
                headHash = row.getString(2);
            }
            String previous = ChainHash.GENESIS;
            long expected = 1;
            long checked = 0;
            walk:
            while (true) {
                List<StoredRecord> page = page(connection, expected - 1);
                if (page.isEmpty()) {
                    break;
                }
                for (StoredRecord record : page) {
                    if (record.position > headPosition && checked == headPosition) {
                        break walk; // committed after the head was read: the next check's (see below)
                    }
                    if (record.position != expected) {
                        return broken(checked, headHash, expected, null,
                                "record at position " + expected + " is missing (next found: " + record.position + ")");
                    }
                    if (!record.previousHash.equals(previous)) {
                        return broken(checked, headHash, record.position, record.entry.evaluationId(),
                                "previous hash does not match the hash of record " + (record.position - 1));
                    }
                    String recomputed = ChainHash.of(previous, record.entry, record.position);
                    if (!recomputed.equals(record.hash)) {
                        return broken(checked, headHash, record.position, record.entry.evaluationId(),
                                "content altered: the stored hash does not match the record's content and firings");
                    }
                    previous = record.hash;
                    expected++;
                    checked++;
                }
            }
            if (checked != headPosition || !previous.equals(headHash)) {
                return broken(checked, headHash, checked + 1, null, "the chain head names position " + headPosition
                        + " but the last record is at " + checked + " (records removed or head altered)");
            }
            // Records past the head as read at the start were committed while this ran (each commit moves the head with
            // its records). A record past the head as it is now was not written by the service. Last record first, then
            // the head: a commit in between only moves the head further.
            long last = lastPosition(connection);
            long headNow = headPosition(connection);
            if (last > headNow) {
                return broken(checked, headHash, headNow + 1, null, "a record at position " + last
                        + " lies beyond the chain head (" + headNow + "): not written by the service");
            }
            return new VerifyReport(true, checked, headHash, null);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static long lastPosition(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT MAX(position) FROM evaluation_record");
                ResultSet row = query.executeQuery()) {
            return row.next() ? row.getLong(1) : 0; // NULL (no record) reads as 0
        }
    }

    private static long headPosition(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT position FROM chain_head WHERE id = 1");
                ResultSet row = query.executeQuery()) {
            return row.next() ? row.getLong(1) : -1;
        }
    }

    private static VerifyReport broken(long checked, String headHash, long position, String evaluationId, String reason) {
        return new VerifyReport(false, checked, headHash, new VerifyReport.BrokenLink(position, evaluationId, reason));
    }

    private record StoredRecord(long position, AuditEntry entry, String previousHash, String hash) {
    }

    private static List<StoredRecord> page(Connection connection, long after) throws SQLException {
        List<StoredRecord> records = new ArrayList<>(VERIFY_PAGE);
        try (PreparedStatement query = connection.prepareStatement("SELECT position, evaluation_id, evaluated_at_iso, caller,"
                + " patient_id, ruleset_version, status, config, intake, protocol, previous_hash, hash, firings"
                + " FROM evaluation_record WHERE position > ? ORDER BY position LIMIT " + VERIFY_PAGE)) {
            query.setLong(1, after);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    List<AuditEntry.FiringEntry> firings = StoredFirings.parse(row.getString(13));
                    records.add(new StoredRecord(row.getLong(1), new AuditEntry(row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                            row.getString(9), row.getString(10), firings == null ? UNREADABLE : firings),
                            row.getString(11), row.getString(12)));
                }
            }
        }
        return records;
    }

    /** The DRL files of a stored ruleset version. */
    public Optional<List<RuleFile>> rulesetFiles(String version) {
        try (Connection connection = database.connection();
                PreparedStatement query = connection.prepareStatement("SELECT files FROM ruleset WHERE version = ?")) {
            query.setString(1, version);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                List<RuleFile> files = new ArrayList<>();
                for (JsonNode file : Canonical.parse(row.getString(1))) {
                    files.add(new RuleFile(file.get("name").asText(), file.get("content").asText()));
                }
                return Optional.of(files);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private static AuditUnavailableException unavailable(SQLException e) {
        return new AuditUnavailableException("the audit store could not be read", e);
    }
}
