package org.lbp.cds.audit;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.rules.CompiledRuleset;
import org.lbp.cds.rules.RuleRun;
import org.lbp.cds.rules.facts.Thresholds;

/** Where evaluations are recorded before their protocol is returned. */
public interface AuditTrail {

    /** Records nothing: for tests that run the rules without a store. */
    AuditTrail NONE = new AuditTrail() {
        @Override
        public void record(JsonNode intake, Thresholds thresholds, CompiledRuleset ruleset, RuleRun run, Protocol protocol,
                String caller) {
        }

        @Override
        public void rejected(Instant at, String caller, int errorCount) {
        }
    };

    /**
     * Records one evaluation and returns only once the record is committed.
     *
     * @throws AuditUnavailableException when it cannot be committed: the protocol must not be returned
     */
    void record(JsonNode intake, Thresholds thresholds, CompiledRuleset ruleset, RuleRun run, Protocol protocol, String caller);

    /** Counts a rejected request (400) without its body; never fails the caller. */
    void rejected(Instant at, String caller, int errorCount);

    /**
     * Start-up: prepares the record of an evaluation as {@link #record} would, but writes nothing of it, so that the
     * first clinic request does not pay for loading that path; and stores the ruleset ahead of the first record that
     * names it. Never fails the caller.
     */
    default void prepare(JsonNode intake, Thresholds thresholds, CompiledRuleset ruleset, RuleRun run, Protocol protocol,
            String caller) {
    }
}
