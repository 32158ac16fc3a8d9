package io.mandate.platform;

import io.mandate.platform.rest.Message;
import org.junit.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The one paging type of every list endpoint (REST contract, "Paging"). */
public class PageRequestTest {

    private final Map<String, Message> errors = new LinkedHashMap<>();

    @Test
    public void absentParametersAreTheFirstFiftyRows() {
        assertEquals(new PageRequest(0, 50), PageRequest.parse(null, " ", errors));
        assertTrue(errors.isEmpty());
    }

    @Test
    public void zeroAsksForTheTotalOnly() {
        PageRequest page = PageRequest.parse("0", "0", errors);
        assertTrue(page.countOnly());
        assertFalse(new PageRequest(0, 1).countOnly());
        assertTrue(errors.isEmpty());
    }

    @Test
    public void aThousandIsTheMostOnePage() {
        assertEquals(1000, PageRequest.parse("0", "1000", errors).maxResults());
        assertTrue(errors.isEmpty());
        PageRequest.parse("0", "1001", errors);
        assertEquals("Must be between 0 and 1000.", errors.get("maxResults").english());
    }

    @Test
    public void everyInvalidParameterIsNamedAtOnce() {
        PageRequest page = PageRequest.parse("-1", "abc", errors);
        assertEquals(Map.of("startAt", "Must be between 0 and 2147483647.", "maxResults", "Must be a whole number."),
                Map.of("startAt", errors.get("startAt").english(), "maxResults", errors.get("maxResults").english()));
        assertEquals("the defaults stand in", new PageRequest(0, 50), page);
    }

    @Test
    public void onlyAsciiDigitsAreANumber() {
        for (String odd : new String[]{"\u0661\u0660", "1.5", "1e3", "0x10", "+5 5", "9".repeat(40)}) {
            errors.clear();
            PageRequest.parse(odd, null, errors);
            assertTrue(odd, errors.containsKey("startAt"));
        }
    }
}
