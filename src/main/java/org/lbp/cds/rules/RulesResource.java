package org.lbp.cds.rules;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /api/v1/rules: the loaded ruleset, its version and every rule's id, name, file and source. */
@Path("/api/v1/rules")
public class RulesResource {

    /** The loaded ruleset as the API shows it. */
    public record RulesetView(String rulesetVersion, int ruleCount, List<RuleInfo> rules) {
    }

    private final RuleEngine engine;

    public RulesResource(RuleEngine engine) {
        this.engine = engine;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public RulesetView rules() {
        CompiledRuleset ruleset = engine.ruleset();
        return new RulesetView(ruleset.version(), ruleset.rules().size(), ruleset.rules());
    }
}
