package org.lbp.cds.audit;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.lbp.cds.audit.api.EvaluationPage;
import org.lbp.cds.audit.api.RecordView;
import org.lbp.cds.audit.api.ReplayResult;
import org.lbp.cds.problem.ProblemException;

/** The recorded evaluations for auditors: checks the request, then reads the trail or replays a record. */
@ApplicationScoped
public class EvaluationRecords {

    private final AuditRepository repository;
    private final ReplayService replay;

    public EvaluationRecords(AuditRepository repository, ReplayService replay) {
        this.repository = repository;
        this.replay = replay;
    }

    public RecordView find(String evaluationId) {
        checkId(evaluationId);
        return repository.find(evaluationId)
                .orElseThrow(() -> ProblemException.notFound("No evaluation " + evaluationId + " is recorded."));
    }

    public ReplayResult replay(String evaluationId) {
        checkId(evaluationId);
        return replay.replay(evaluationId)
                .orElseThrow(() -> ProblemException.notFound("No evaluation " + evaluationId + " is recorded."));
    }

    public EvaluationPage search(String patientId, String fromText, String toText, String statusText, String ruleIdText,
            Integer pageNumber, Integer pageSize) {
        AuditQuery query = new AuditQuery();
        String patient = query.matching("patientId", patientId, AuditQuery.PATIENT_ID);
        Instant from = query.time("from", fromText);
        Instant to = query.time("to", toText);
        query.order(from, to);
        String status = query.status(statusText);
        String ruleId = query.matching("ruleId", ruleIdText, AuditQuery.RULE_ID);
        int page = query.range("page", pageNumber, 0, 0, 1_000_000);
        int size = query.range("size", pageSize, 50, 1, AuditQuery.MAX_PAGE_SIZE);
        query.done();
        return repository.search(new AuditRepository.Search(patient, from, to, status, ruleId, page, size));
    }

    private static void checkId(String evaluationId) {
        AuditQuery query = new AuditQuery();
        query.matching("evaluationId", evaluationId, AuditQuery.EVALUATION_ID);
        query.done();
    }
}
