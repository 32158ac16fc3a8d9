package io.mandate.platform.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Request bodies: anything but one JSON object of bounded size is a 4xx naming "body", never a 500. */
public class JsonBodyTest {

    @Test
    public void jsonObjectIsParsed() {
        ObjectNode node = JsonBody.parseObject("{\"status\":\"OPEN\"}");
        assertEquals("OPEN", node.get("status").textValue());
    }

    @Test
    public void malformedJsonIs400NamingBody() {
        ApiException e = rejected("{\"status\": ");
        assertEquals(400, e.status());
        assertTrue(e.errors().containsKey("body"));
    }

    @Test
    public void jsonArrayIs400NamingBody() {
        ApiException e = rejected("[{\"status\":\"OPEN\"}]");
        assertEquals(400, e.status());
        assertTrue(e.errors().containsKey("body"));
    }

    @Test
    public void jsonScalarsAre400() {
        for (String body : new String[] {"null", "42", "\"text\"", "true"}) {
            assertEquals(body, 400, rejected(body).status());
        }
    }

    @Test
    public void emptyBodyIs400NamingBody() {
        ApiException e = rejected("  ");
        assertEquals(400, e.status());
        assertTrue(e.errors().containsKey("body"));
    }

    /** A second value after the object is not JSON; silently taking the first would hide a client bug. */
    @Test
    public void contentAfterTheObjectIs400() {
        ApiException e = rejected("{\"status\":\"OPEN\"}{\"status\":\"DECIDED\"}");
        assertEquals(400, e.status());
        assertTrue(e.errors().containsKey("body"));
    }

    @Test
    public void deeplyNestedJsonIs400NotACrash() {
        ApiException e = rejected("{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}");
        assertEquals(400, e.status());
        assertTrue(e.errors().containsKey("body"));
    }

    @Test
    public void overlongNumberIs400NotACrash() {
        ApiException e = rejected("{\"version\":" + "9".repeat(2000) + "}");
        assertEquals(400, e.status());
        assertTrue(e.errors().containsKey("body"));
    }

    @Test
    public void bodyOverTheLimitIs413() {
        String body = "{\"outcome\":\"" + "x".repeat(JsonBody.MAX_BYTES) + "\"}";
        ApiException e = rejected(body);
        assertEquals(413, e.status());
        assertTrue(e.errors().containsKey("body"));
    }

    @Test
    public void bodyExactlyAtTheLimitIsAccepted() {
        String prefix = "{\"outcome\":\"";
        String body = prefix + "x".repeat(JsonBody.MAX_BYTES - prefix.length() - 2) + "\"}";
        assertEquals(JsonBody.MAX_BYTES, body.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(JsonBody.MAX_BYTES - prefix.length() - 2, JsonBody.parseObject(body).get("outcome").textValue().length());
    }

    @Test
    public void limitCountsUtf8BytesNotCharacters() {
        String body = "{\"outcome\":\"" + "\u20ac".repeat(100_000) + "\"}";  // 100k chars, 300k bytes
        assertEquals(413, rejected(body).status());
    }

    private static ApiException rejected(String body) {
        try {
            JsonBody.parseObject(body);
        } catch (ApiException e) {
            return e;
        }
        fail("expected an ApiException for " + body.substring(0, Math.min(80, body.length())));
        return null;
    }
}
