package io.mandate.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a request body into a JSON object ourselves, so that malformed JSON, a body that is not
 * an object, or an oversized body is a 4xx naming the problem rather than the host's generic error.
 */
public final class JsonBody {

    /** Decision, domain and grant bodies are small; a megabyte is generous and bounds memory. */
    public static final int MAX_BYTES = 256 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBody() {
    }

    public static ObjectNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalid(Map.of("body", "A JSON object is required."));
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ApiException(413, "The request body is larger than " + MAX_BYTES + " bytes.",
                    Map.of("body", "too large"));
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid(Map.of("body", "Malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "."));
        }
        if (node == null || !node.isObject()) {
            throw ApiException.invalid(Map.of("body", "A JSON object is required."));
        }
        return (ObjectNode) node;
    }
}
