package org.lbp.cds.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.lbp.cds.codes.Status;
import org.lbp.cds.problem.FieldError;
import org.lbp.cds.problem.Problem;
import org.lbp.cds.problem.ProblemException;

/** Reads and checks the query parameters of the auditors' endpoints, listing every bad one (400). */
final class AuditQuery {

    static final Pattern PATIENT_ID = Pattern.compile("^[A-Za-z0-9_-]{4,64}$");
    static final Pattern RULE_ID = Pattern.compile("^[A-Z]\\d\\d$");
    static final Pattern EVALUATION_ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    static final int MAX_PAGE_SIZE = 200;

    private final List<FieldError> errors = new ArrayList<>();

    /** An instant (2026-11-20T10:00:00Z) or a date (2026-11-20, midnight UTC); null when absent. */
    Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, FieldError.TYPE, "an ISO 8601 instant (2026-11-20T10:00:00Z) or date (2026-11-20)"));
            return null;
        }
    }

    String matching(String name, String value, Pattern pattern) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            errors.add(new FieldError(name, FieldError.PATTERN, "must match " + pattern.pattern()));
            return null;
        }
        return value;
    }

    String status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (Status status : Status.values()) {
            if (status.code().equals(value)) {
                return value;
            }
        }
        errors.add(new FieldError("status", FieldError.ENUM, "one of ok, stop_refer, refer_before_proceeding, insufficient_data, out_of_scope"));
        return null;
    }

    int range(String name, Integer value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            errors.add(new FieldError(name, FieldError.OUT_OF_RANGE, "between " + min + " and " + max));
            return fallback;
        }
        return value;
    }

    void order(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("to", FieldError.INCONSISTENT, "must be after from"));
        }
    }

    void done() {
        if (!errors.isEmpty()) {
            throw new ProblemException(new Problem(Problem.INVALID_QUERY, "The query is not valid", 400,
                    errors.size() + " parameter(s) are not valid; see errors.", List.copyOf(errors)));
        }
    }
}
