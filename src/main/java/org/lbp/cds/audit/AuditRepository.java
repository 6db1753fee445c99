package org.lbp.cds.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    private final AuditDatabase database;

    public AuditRepository(AuditDatabase database) {
        this.database = database;
    }

    /** A search of evaluations; every criterion optional. {@code to} is exclusive. */
    public record Search(String patientId, Instant from, Instant to, String status, String ruleId, int page, int size) {
    }

    public Optional<RecordView> find(String evaluationId) {
        String sql = "SELECT position, evaluation_id, evaluated_at_iso, caller, patient_id, ruleset_version, status, config,"
                + " intake, protocol, previous_hash, hash FROM evaluation_record WHERE evaluation_id = ?";
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
                        firings(connection, position), position, row.getString(11), row.getString(12)));
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static List<FiringView> firings(Connection connection, long position) throws SQLException {
        List<FiringView> firings = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT sequence, rule_id, rule_name, facts FROM rule_firing WHERE position = ? ORDER BY sequence")) {
            query.setLong(1, position);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    firings.add(new FiringView(row.getInt(1), row.getString(2), row.getString(3), row.getString(4)));
                }
            }
        }
        return firings;
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
            where.append(" AND EXISTS (SELECT 1 FROM rule_firing f WHERE f.position = r.position AND f.rule_id = ?)");
            parameters.add(search.ruleId());
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

    public RuleFiringReport ruleFirings(Instant from, Instant to) {
        String sql = "SELECT f.rule_id, f.rule_name, COUNT(*), COUNT(DISTINCT f.position) FROM rule_firing f"
                + " JOIN evaluation_record r ON r.position = f.position"
                + " WHERE r.evaluated_at >= ? AND r.evaluated_at < ?"
                + " GROUP BY f.rule_id, f.rule_name ORDER BY f.rule_id, f.rule_name";
        try (Connection connection = database.connection()) {
            List<RuleFiringCount> rules = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, sql, List.of(Timestamp.from(from), Timestamp.from(to)));
                    ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rules.add(new RuleFiringCount(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4)));
                }
            }
            long evaluations;
            try (PreparedStatement count = prepare(connection,
                    "SELECT COUNT(*) FROM evaluation_record WHERE evaluated_at >= ? AND evaluated_at < ?",
                    List.of(Timestamp.from(from), Timestamp.from(to)));
                    ResultSet row = count.executeQuery()) {
                row.next();
                evaluations = row.getLong(1);
            }
            return new RuleFiringReport(from.toString(), to.toString(), evaluations, rules);
        } catch (SQLException e) {
            throw unavailable(e);
        }
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
     * firings; the chain head must name the last record. Reports the first place where this fails.
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
            while (true) {
                List<StoredRecord> page = page(connection, expected - 1);
                if (page.isEmpty()) {
                    break;
                }
                for (StoredRecord record : page) {
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
            return new VerifyReport(true, checked, headHash, null);
        } catch (SQLException e) {
            throw unavailable(e);
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
                + " patient_id, ruleset_version, status, config, intake, protocol, previous_hash, hash FROM evaluation_record"
                + " WHERE position > ? ORDER BY position LIMIT " + VERIFY_PAGE)) {
            query.setLong(1, after);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    records.add(new StoredRecord(row.getLong(1), new AuditEntry(row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                            row.getString(9), row.getString(10), new ArrayList<>()), row.getString(11), row.getString(12)));
                }
            }
        }
        if (records.isEmpty()) {
            return records;
        }
        long first = records.get(0).position;
        long last = records.get(records.size() - 1).position;
        try (PreparedStatement query = connection.prepareStatement("SELECT position, sequence, rule_id, rule_name, facts"
                + " FROM rule_firing WHERE position BETWEEN ? AND ? ORDER BY position, sequence")) {
            query.setLong(1, first);
            query.setLong(2, last);
            try (ResultSet row = query.executeQuery()) {
                int index = 0;
                while (row.next()) {
                    long position = row.getLong(1);
                    while (index < records.size() && records.get(index).position < position) {
                        index++;
                    }
                    if (index < records.size() && records.get(index).position == position) {
                        records.get(index).entry.firings().add(new AuditEntry.FiringEntry(row.getInt(2), row.getString(3),
                                row.getString(4), row.getString(5)));
                    }
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
