package org.lbp.cds.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the contract, {@code openapi/openapi.yaml}, as written, at {@code /q/openapi}: YAML by default, JSON with
 * {@code ?format=json} or {@code Accept: application/json} (as SmallRye OpenAPI answered before), and at
 * {@code /q/openapi.yaml}, {@code .yml} and {@code .json}. Swagger UI ({@code quarkus-swagger-ui}) reads it there.
 *
 * <p>The service used to serve it through SmallRye OpenAPI, which reads the file and builds its model at every start
 * (0.3-0.9 s of the start-up, by the hour). Here the file's bytes are read once, on the first request; the JSON form
 * is converted from them on its first request and kept. With no annotation scanning, SmallRye served the same
 * document.
 */
@ApplicationScoped
public class OpenApiDocument {

    /** On the class path, copied there from {@code openapi/} by the build (pom.xml). */
    static final String RESOURCE = "META-INF/openapi.yaml";
    static final String YAML = "application/yaml;charset=UTF-8";
    static final String JSON = "application/json;charset=UTF-8";

    private volatile Buffer yaml;
    private volatile Buffer json;

    void install(@Observes Router router) {
        for (String path : new String[] {"/q/openapi", "/q/openapi.yaml", "/q/openapi.yml", "/q/openapi.json"}) {
            // on a worker thread: the first request of each form reads the file or converts it, not on the event loop
            router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD).blockingHandler(this::serve);
            router.route(path).handler(context -> context.response().setStatusCode(405).putHeader(HttpHeaders.ALLOW, "GET, HEAD")
                    .end());
        }
    }

    private void serve(RoutingContext context) {
        boolean asJson = wantsJson(context.normalizedPath(), context.request().getParam("format"),
                context.request().getHeader(HttpHeaders.ACCEPT));
        Buffer body = asJson ? json() : yaml();
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, asJson ? JSON : YAML);
        if (context.request().method() == HttpMethod.HEAD) {
            // the length the GET would send; Vert.x leaves a HEAD's body out and its length with it
            context.response().putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length())).end();
        } else {
            context.response().end(body);
        }
    }

    /** The path's extension first, then {@code format}, then the Accept header; YAML otherwise. */
    static boolean wantsJson(String path, String format, String accept) {
        if (path != null && path.endsWith(".json")) {
            return true;
        }
        if (path != null && (path.endsWith(".yaml") || path.endsWith(".yml"))) {
            return false;
        }
        if (format != null && !format.isBlank()) {
            return format.trim().toLowerCase(Locale.ROOT).equals("json");
        }
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
    }

    Buffer yaml() {
        Buffer current = yaml;
        if (current == null) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the class path");
                }
                current = Buffer.buffer(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            yaml = current;
        }
        return current;
    }

    Buffer json() {
        Buffer current = json;
        if (current == null) {
            try {
                current = Buffer.buffer(new ObjectMapper().writeValueAsBytes(
                        new ObjectMapper(new YAMLFactory()).readTree(yaml().getBytes())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json = current;
        }
        return current;
    }
}
