package io.mandate.platform.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body into one JSON object ourselves, streaming and bounded, so that anything
 * else is a 4xx naming the problem rather than the host's generic error: more than
 * {@link #MAX_BYTES} (413, refused while reading), bytes that are not UTF-8, malformed JSON, a key
 * given twice, or a body that is not an object (400 naming {@code body}, or the key).
 */
public final class JsonBody {

    /** Decision, domain and grant bodies are small; 256 KiB is generous and bounds memory. */
    public static final int MAX_BYTES = 256 * 1024;

    /**
     * Trailing content after the object is an error, not silently ignored; so is a key given twice
     * (which value would count is up to each parser, and two readers of one body must not disagree).
     */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Jackson's wording for a duplicate (JsonReadContext); the only parse failure we name differently. */
    private static final String DUPLICATE = "Duplicate field '";

    private JsonBody() {
    }

    /**
     * The body as a JSON object. It is decoded as UTF-8, the only encoding of JSON (RFC 8259; the
     * contract says UTF-8), whatever {@code charset} the Content-Type names — so an unknown charset
     * cannot make the host's reader fail — and undecodable bytes are refused, never replaced.
     *
     * @param contentLength the declared Content-Length, or -1 when none was sent
     */
    public static ObjectNode read(InputStream body, long contentLength) {
        InputStream bounded = BoundedBody.open(body, contentLength, MAX_BYTES);
        Reader text = new InputStreamReader(bounded, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (IOException e) {
            throw refusal(e);
        }
        if (node == null || !node.isObject()) {
            throw ApiException.invalid("body", Message.of("mandate.error.body.object"));
        }
        return (ObjectNode) node;
    }

    private static ApiException refusal(IOException e) {
        BoundedBody.TooLarge tooLarge = cause(e, BoundedBody.TooLarge.class);
        if (tooLarge != null) {
            return BoundedBody.tooLarge(tooLarge.maxBytes());
        }
        if (cause(e, CharacterCodingException.class) != null) {
            return ApiException.invalid("body", Message.of("mandate.error.body.encoding"));
        }
        if (e instanceof JsonProcessingException json) {
            String message = json.getOriginalMessage();
            if (message != null && message.startsWith(DUPLICATE) && json.getProcessor() instanceof JsonParser parser) {
                String key = message.substring(DUPLICATE.length(), message.lastIndexOf('\''));
                return ApiException.invalid(topLevelField(parser.getParsingContext(), key),
                        Message.of("mandate.error.body.duplicateKey", key));
            }
            // Jackson's limits (nesting depth, number length) report no location
            return ApiException.invalid("body", json.getLocation() == null ? Message.of("mandate.error.body.malformed")
                    : Message.of("mandate.error.body.malformedAt", json.getLocation().getLineNr(), json.getLocation().getColumnNr()));
        }
        // the connection broke or the chunks were malformed: the caller is gone or must send again
        return ApiException.invalid("body", Message.of("mandate.error.body.incomplete"));
    }

    /** The field of the top-level object a nested duplicate sits in, so the error names what the caller sent. */
    private static String topLevelField(JsonStreamContext context, String key) {
        JsonStreamContext c = context;
        while (c != null && c.getParent() != null && !c.getParent().inRoot()) {
            c = c.getParent();
        }
        return c == null || c == context || c.getCurrentName() == null ? key : c.getCurrentName();
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
