package org.lbp.cds.rules;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.lbp.cds.security.Roles;

/**
 * GET /api/v1/rules: the loaded ruleset, its version and every rule's id, name, file, phase, what it decides and its
 * source; as JSON, or as the rules reference page ({@code docs/rules.md}) with {@code Accept: text/markdown}.
 */
@Path("/api/v1/rules")
public class RulesResource {

    public static final String MARKDOWN = "text/markdown";

    /** The loaded ruleset as the API shows it. */
    public record RulesetView(String rulesetVersion, int ruleCount, List<RuleInfo> rules) {
    }

    private final RuleEngine engine;

    public RulesResource(RuleEngine engine) {
        this.engine = engine;
    }

    /** JSON by default; the markdown page when the client prefers {@code text/markdown}. */
    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.AUDITOR, Roles.ADMIN})
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN + ";charset=UTF-8"})
    public Response rules(@Context HttpHeaders headers) {
        CompiledRuleset ruleset = engine.ruleset();
        boolean markdown = headers.getAcceptableMediaTypes().stream().findFirst()
                .filter(type -> !type.isWildcardType() && !type.isWildcardSubtype()
                        && type.isCompatible(MediaType.valueOf(MARKDOWN)))
                .isPresent();
        return markdown
                ? Response.ok(RulesReference.markdown(ruleset.rules()), MARKDOWN + ";charset=UTF-8").build()
                : Response.ok(new RulesetView(ruleset.version(), ruleset.rules().size(), ruleset.rules()),
                        MediaType.APPLICATION_JSON).build();
    }
}
