package org.lbp.cds.ui;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lbp.cds.audit.AuditUnavailableException;
import org.lbp.cds.audit.EvaluationRecords;
import org.lbp.cds.audit.api.RecordView;
import org.lbp.cds.evaluation.EvaluationService;
import org.lbp.cds.evaluation.InvalidIntakeException;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.problem.FieldError;
import org.lbp.cds.problem.ProblemException;
import org.lbp.cds.security.Callers;
import org.lbp.cds.security.Roles;

/**
 * The practitioner's pages, server-rendered: sign in with a token, the intake form, the protocol on the body
 * diagram, and the auditor's view of a recorded evaluation. The pages call the same service as the API and show its
 * validation errors beside their fields. The token is kept in an HttpOnly, SameSite=Strict cookie.
 */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class UiResource {

    public static final String COOKIE = "lbp_token";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String error, String caller);

        static native TemplateInstance intake(IntakeForm form, String caller);

        static native TemplateInstance protocol(ProtocolView view, String caller);

        static native TemplateInstance audit(String evaluationId, RecordView record, ProtocolView view, String error,
                String caller);

        static native TemplateInstance message(String title, String text, String caller);
    }

    private final EvaluationService service;
    private final EvaluationRecords records;
    private final SecurityIdentity identity;
    private final JWTParser parser;

    public UiResource(EvaluationService service, EvaluationRecords records, SecurityIdentity identity, JWTParser parser) {
        this.service = service;
        this.records = records;
        this.identity = identity;
        this.parser = parser;
    }

    private String caller() {
        return identity.isAnonymous() ? null : Callers.name(identity);
    }

    private static Response see(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    @GET
    public Response home() {
        if (identity.isAnonymous()) {
            return see("/login");
        }
        if (!identity.hasRole(Roles.CLINICIAN)) {
            return identity.hasRole(Roles.AUDITOR) ? see("/audit") : forbidden("the clinician role");
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        defaults.put("encounterDate", today);
        defaults.put("sessionNumber", "1");
        defaults.put("progress.outcomeSinceLastSession", "first_session");
        defaults.put("mapping.method", "practitioner_palpation");
        defaults.put("pain.locations", "low_back");
        return Response.ok(Templates.intake(new IntakeForm(defaults, Map.of(), today), caller())).build();
    }

    @GET
    @Path("login")
    public TemplateInstance loginPage() {
        return Templates.login(null, caller());
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(MultivaluedMap<String, String> form, @Context UriInfo uri, @Context HttpHeaders headers) {
        if (!sameOrigin(uri, headers)) {
            return forbidden("a request from this site");
        }
        String token = form.getFirst("token") == null ? "" : form.getFirst("token").trim();
        if (token.startsWith("Bearer ")) {
            token = token.substring(7).trim();
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException | RuntimeException e) {
            return Response.status(401).entity(Templates.login("This token is not valid here (expired, or not signed by "
                    + "this service's identity provider).", null)).build();
        }
        long seconds = Math.max(0, jwt.getExpirationTime() - Instant.now().getEpochSecond());
        NewCookie cookie = new NewCookie.Builder(COOKIE).value(token).path("/").httpOnly(true)
                .secure("https".equals(uri.getBaseUri().getScheme())).sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) Math.min(seconds, Duration.ofHours(12).toSeconds())).build();
        return Response.seeOther(URI.create(jwt.getGroups().contains(Roles.CLINICIAN) ? "/" : "/audit")).cookie(cookie).build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        NewCookie gone = new NewCookie.Builder(COOKIE).value("").path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
        return Response.seeOther(URI.create("/login")).cookie(gone).build();
    }

    @POST
    @Path("intake")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response evaluate(MultivaluedMap<String, String> form, @Context UriInfo uri, @Context HttpHeaders headers) {
        if (identity.isAnonymous()) {
            return see("/login");
        }
        if (!identity.hasRole(Roles.CLINICIAN) || !sameOrigin(uri, headers)) {
            return forbidden("the clinician role");
        }
        Map<String, List<String>> fields = new LinkedHashMap<>(form);
        try {
            Protocol protocol = service.evaluate(FormIntake.toJson(fields), Callers.name(identity));
            return Response.ok(Templates.protocol(ProtocolView.of(protocol), caller())).build();
        } catch (InvalidIntakeException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError error : e.errors()) {
                errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
            }
            return Response.status(400).entity(Templates.intake(new IntakeForm(FormIntake.values(fields), errors,
                    LocalDate.now(ZoneOffset.UTC).toString()), caller())).build();
        } catch (AuditUnavailableException e) {
            return Response.status(503).entity(Templates.message("The service cannot record evaluations right now",
                    "No protocol can be given until the audit store is back. Please try again in a minute.", caller())).build();
        }
    }

    @GET
    @Path("audit")
    public Response audit(@QueryParam("evaluationId") String evaluationId) {
        if (identity.isAnonymous()) {
            return see("/login");
        }
        if (!identity.hasRole(Roles.AUDITOR)) {
            return forbidden("the auditor role");
        }
        if (evaluationId == null || evaluationId.isBlank()) {
            return Response.ok(Templates.audit(null, null, null, null, caller())).build();
        }
        try {
            RecordView record = records.find(evaluationId.trim());
            Protocol protocol = org.lbp.cds.audit.Canonical.MAPPER.convertValue(record.protocol(), Protocol.class);
            return Response.ok(Templates.audit(evaluationId, record, ProtocolView.of(protocol), null, caller())).build();
        } catch (ProblemException e) {
            return Response.status(e.problem().status()).entity(Templates.audit(evaluationId, null, null,
                    e.problem().detail() != null && e.problem().errors() == null ? e.problem().detail()
                            : "Not an evaluation id (a UUID).", caller())).build();
        }
    }

    private Response forbidden(String what) {
        return Response.status(403).entity(Templates.message("Not allowed",
                "This page needs " + what + ". Sign in with another token.", caller())).build();
    }

    /** A form post must come from this site (besides the SameSite=Strict cookie): its Origin, when sent, is our host. */
    private static boolean sameOrigin(UriInfo uri, HttpHeaders headers) {
        String origin = headers.getHeaderString("Origin");
        if (origin == null) {
            return true; // not a browser's cross-site form post (browsers send Origin with every POST)
        }
        try {
            String host = headers.getHeaderString(HttpHeaders.HOST);
            String authority = URI.create(origin).getAuthority();
            return authority != null && (authority.equals(host) || authority.equals(uri.getBaseUri().getAuthority()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
