package io.mandate.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
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

    /** Decision, domain and grant bodies are small; 256 KiB is generous and bounds memory. */
    public static final int MAX_BYTES = 256 * 1024;

    /** Trailing content after the object is an error, not silently ignored. */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBody() {
    }

    public static ObjectNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalid("body", Message.of("mandate.error.body.object"));
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ApiException(413, Message.of("mandate.error.body.tooLarge", MAX_BYTES),
                    Map.of("body", Message.of("mandate.error.body.tooLargeField", MAX_BYTES)));
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            // Jackson's limits (nesting depth, number length) report no location
            throw ApiException.invalid("body", e.getLocation() == null ? Message.of("mandate.error.body.malformed")
                    : Message.of("mandate.error.body.malformedAt", e.getLocation().getLineNr(), e.getLocation().getColumnNr()));
        }
        if (node == null || !node.isObject()) {
            throw ApiException.invalid("body", Message.of("mandate.error.body.object"));
        }
        return (ObjectNode) node;
    }
}
