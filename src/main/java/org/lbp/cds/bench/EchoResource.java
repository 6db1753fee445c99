package org.lbp.cds.bench;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lbp.cds.security.Roles;

/**
 * The benchmarks' limit: the same intake in, a protocol-sized JSON out, through the same HTTP, JSON and token
 * checks, with no rules and no audit. Answers 404 unless {@code lbp.bench.echo-enabled} (the bench profile only).
 */
@Path("/bench/echo")
public class EchoResource {

    /** A protocol of the classic case (one step, four avoid items, the disclaimer, twenty firings), as JSON. */
    static final String PROTOCOL_SIZED = protocolSized();

    private final boolean enabled;

    public EchoResource(@ConfigProperty(name = "lbp.bench.echo-enabled", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    @POST
    @RolesAllowed(Roles.CLINICIAN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response echo(JsonNode intake) {
        if (!enabled) {
            return Response.status(404).build();
        }
        String patientId = intake != null && intake.hasNonNull("patientId") ? intake.get("patientId").asText() : "";
        return Response.ok(PROTOCOL_SIZED.replace("PT-ECHO", patientId.replaceAll("[^A-Za-z0-9_-]", ""))).build();
    }

    private static String protocolSized() {
        StringBuilder fired = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            fired.append(i == 1 ? "" : ",").append("{\"ruleId\":\"R05\",\"ruleName\":\"A region is balanced when its two sides ")
                    .append("are within the imbalance threshold of each other\",\"sequence\":").append(i).append('}');
        }
        return "{\"evaluationId\":\"00000000-0000-0000-0000-000000000000\",\"rulesetVersion\":\"sha256:"
                + "0".repeat(64) + "\",\"evaluatedAt\":\"2026-11-25T10:00:00Z\",\"patientId\":\"PT-ECHO\",\"status\":\"ok\","
                + "\"steps\":[{\"order\":1,\"region\":\"quads_hip_flexors\",\"side\":\"right\",\"technique\":\"quad_hip_flexor_release\","
                + "\"performer\":\"self_or_practitioner\",\"dose\":{\"load\":\"as_much_as_feels_safe\",\"duration\":null},"
                + "\"recheckAfter\":true,\"rationale\":\"Right quads and hip flexors are tighter (sum left 8 against right 13): "
                + "release that side only, then compare both sides again.\",\"ruleIds\":[\"R05\",\"R06\",\"R03\"]}],"
                + "\"avoid\":[{\"item\":\"foam_roll_low_back\",\"reason\":\"The low back is not the problem and has many nerves "
                + "and little tissue to absorb a roller's weight.\",\"ruleIds\":[\"R01\"]},{\"item\":\"roll_spine_or_lower_ribs\","
                + "\"reason\":\"Rolling over the spine or the lower ribs risks nerve irritation.\",\"ruleIds\":[\"R02\"]},"
                + "{\"item\":\"foam_roll_it_band\",\"reason\":\"Rolling the IT band is not recommended.\",\"ruleIds\":[\"R07\"]},"
                + "{\"item\":\"bilateral_equal_release\",\"reason\":\"Work only the tighter side.\",\"ruleIds\":[\"R05\"]}],"
                + "\"referrals\":[],\"warnings\":[],\"recommendations\":[],\"missing\":[],\"flags\":{\"pelvicInstabilitySuspected\":false,"
                + "\"recruitedStabilisers\":[],\"nonResponse\":false,\"startBackRisk\":null},\"firedRules\":[" + fired + "],"
                + "\"disclaimer\":\"This protocol applies a fascia-release practitioner's rules, drawn from years of practice, not "
                + "from medical research. It is not a diagnosis and does not replace a medical assessment.\"}";
    }
}
