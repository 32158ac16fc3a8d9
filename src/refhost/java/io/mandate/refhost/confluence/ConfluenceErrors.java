package io.mandate.refhost.confluence;

import io.mandate.refhost.web.Json;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Confluence's REST error shape, as Confluence Server and Data Center answer (seen in clients' bug reports, e.g.
 * {@code {"statusCode":400,"data":{"authorized":false,"valid":true,"allowedInReadOnlyMode":true,"errors":[],
 * "successful":false},"message":"Error parsing xhtml: …","reason":"Bad Request"}}).
 */
final class ConfluenceErrors {

    private static final Map<Integer, String> REASONS = Map.of(400, "Bad Request", 401, "Unauthorized", 403, "Forbidden",
            404, "Not Found", 405, "Method Not Allowed", 409, "Conflict", 413, "Request Entity Too Large",
            415, "Unsupported Media Type");

    private ConfluenceErrors() {
    }

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("authorized", false);
        data.put("valid", true);
        data.put("allowedInReadOnlyMode", true);
        data.put("errors", List.of());
        data.put("successful", false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", status);
        body.put("data", data);
        body.put("message", message);
        body.put("reason", REASONS.getOrDefault(status, ""));
        Json.write(response, status, body);
    }
}
