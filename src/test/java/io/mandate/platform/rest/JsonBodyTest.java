package io.mandate.platform.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Request bodies: anything but one UTF-8 JSON object of bounded size is a 4xx naming "body" (or the key given twice), never a 500. */
public class JsonBodyTest {

    @Test
    public void jsonObjectIsParsed() {
        ObjectNode node = parse("{\"status\":\"OPEN\"}");
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
        assertEquals(JsonBody.MAX_BYTES - prefix.length() - 2, parse(body).get("outcome").textValue().length());
    }

    @Test
    public void limitCountsUtf8BytesNotCharacters() {
        String body = "{\"outcome\":\"" + "\u20ac".repeat(100_000) + "\"}";  // 100k chars, 300k bytes
        assertEquals(413, rejected(body).status());
    }

    @Test
    public void aKeyGivenTwiceIs400NamingIt() {
        ApiException e = rejected("{\"status\":\"OPEN\",\"status\":\"DECIDED\"}");
        assertEquals(400, e.status());
        assertTrue(e.errors().toString(), e.errors().containsKey("status"));
    }

    @Test
    public void aKeyGivenTwiceInsideAFieldNamesTheField() {
        ApiException e = rejected("{\"informed\":[{\"type\":\"group\",\"type\":\"user\"}]}");
        assertEquals(400, e.status());
        assertTrue(e.errors().toString(), e.errors().containsKey("informed"));
        assertTrue(e.errors().toString(), e.errors().get("informed").contains("type"));
    }

    @Test
    public void bytesThatAreNotUtf8Are400NamingBody() {
        byte[] latin1 = "{\"outcome\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        ApiException e = rejected(new ByteArrayInputStream(latin1), -1);
        assertEquals(400, e.status());
        assertTrue(e.errors().toString(), e.errors().get("body").contains("UTF-8"));
    }

    @Test
    public void aLoneSurrogateEncodedInUtf8Is400() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        assertEquals(400, rejected(new ByteArrayInputStream(body), -1).status());
    }

    @Test
    public void aDeclaredLengthOverTheLimitIs413BeforeAnyByteIsRead() {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };
        assertEquals(413, rejected(untouchable, JsonBody.MAX_BYTES + 1L).status());
    }

    /** A body without a length (chunked), or longer than it said: reading stops one byte past the limit. */
    @Test
    public void anEndlessBodyIsReadOnlyToOneBytePastTheLimit() {
        AtomicLong pulled = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                pulled.incrementAndGet();
                return pulled.get() == 1 ? '[' : ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    b[off + i] = (byte) read();
                }
                return len;
            }
        };
        ApiException e = rejected(endless, 10);
        assertEquals(413, e.status());
        assertTrue(e.errors().containsKey("body"));
        assertEquals(JsonBody.MAX_BYTES + 1L, pulled.get());
    }

    @Test
    public void aMissingBodyIs400NamingBody() {
        assertEquals(400, rejected(null, -1).status());
    }

    private static ObjectNode parse(String body) {
        return JsonBody.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), -1);
    }

    private static ApiException rejected(InputStream body, long contentLength) {
        try {
            JsonBody.read(body, contentLength);
        } catch (ApiException e) {
            return e;
        }
        fail("expected an ApiException");
        return null;
    }

    private static ApiException rejected(String body) {
        try {
            parse(body);
        } catch (ApiException e) {
            return e;
        }
        fail("expected an ApiException for " + body.substring(0, Math.min(80, body.length())));
        return null;
    }
}
