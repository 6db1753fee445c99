package org.lbp.cds.security;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * Exactly one Content-Security-Policy on every response, chosen by path (browsers enforce every CSP header they get,
 * so policies must not add up): the practitioner's pages may run their own scripts and styles; Swagger UI also its
 * inline ones; everything else (the API, health, the OpenAPI document) nothing at all. Set on the HTTP router itself
 * so it covers the {@code /q} endpoints too.
 */
@ApplicationScoped
public class ContentSecurityPolicy {

    public static final String NONE = "default-src 'none'; frame-ancestors 'none'";
    public static final String PAGES = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    public static final String SWAGGER = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    private static final Pattern PAGE_PATHS = Pattern.compile("/(|login|logout|intake|audit|ui/.*)");

    public static String forPath(String path) {
        if (path == null) {
            return NONE;
        }
        if (PAGE_PATHS.matcher(path).matches()) {
            return PAGES;
        }
        return path.startsWith("/q/swagger-ui") ? SWAGGER : NONE;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(context -> {
            context.addHeadersEndHandler(ignored -> context.response().headers()
                    .set("Content-Security-Policy", forPath(context.normalizedPath())));
            context.next();
        });
    }
}
