package io.mandate.platform;

import io.mandate.platform.rest.Message;

import java.util.Map;

/**
 * Which page of a list the caller asks for (REST contract, "Paging"), read once for every list
 * endpoint. {@code maxResults} 0 asks for the total alone, as it does in Jira's own REST; stores
 * answer it with a count and never pass a limit of 0 to the database (HSQLDB reads LIMIT 0 as "no
 * limit", PostgreSQL as "no rows").
 */
public record PageRequest(int startAt, int maxResults) {

    public static final int DEFAULT_MAX_RESULTS = 50;
    public static final int MAX_RESULTS_LIMIT = 1000;

    public PageRequest {
        if (startAt < 0 || maxResults < 0 || maxResults > MAX_RESULTS_LIMIT) {
            throw new IllegalArgumentException("startAt " + startAt + ", maxResults " + maxResults);
        }
    }

    /**
     * The page named by the query's {@code startAt} and {@code maxResults} (absent or blank: 0 and
     * 50). Each invalid one is added to {@code errors} under its own name, so it is reported with
     * every other invalid parameter; the default stands in for it.
     */
    public static PageRequest parse(String startAt, String maxResults, Map<String, Message> errors) {
        return new PageRequest(number("startAt", startAt, 0, Integer.MAX_VALUE, errors),
                number("maxResults", maxResults, DEFAULT_MAX_RESULTS, MAX_RESULTS_LIMIT, errors));
    }

    /** Only the total is wanted: no row need be read. */
    public boolean countOnly() {
        return maxResults == 0;
    }

    private static int number(String field, String value, int fallback, int max, Map<String, Message> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String digits = value.trim();
        // ASCII digits only (Integer.parseInt would also read other scripts' digits and a leading '+')
        if (!digits.matches("-?[0-9]{1,12}")) {
            errors.put(field, Message.of("mandate.error.wholeNumber"));
            return fallback;
        }
        long n = Long.parseLong(digits);
        if (n < 0 || n > max) {
            errors.put(field, Message.of("mandate.error.range", max));
            return fallback;
        }
        return (int) n;
    }
}
