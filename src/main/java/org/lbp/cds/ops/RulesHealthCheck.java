package org.lbp.cds.ops;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.lbp.cds.rules.CompiledRuleset;
import org.lbp.cds.rules.RuleEngine;

/** Ready only with a knowledge base loaded (at least one rule), reporting its version. */
@Readiness
@ApplicationScoped
public class RulesHealthCheck implements HealthCheck {

    private final RuleEngine engine;

    public RulesHealthCheck(RuleEngine engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            CompiledRuleset ruleset = engine.ruleset();
            return HealthCheckResponse.named("knowledge-base").status(!ruleset.rules().isEmpty())
                    .withData("rulesetVersion", ruleset.version()).withData("rules", ruleset.rules().size()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("knowledge-base").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
