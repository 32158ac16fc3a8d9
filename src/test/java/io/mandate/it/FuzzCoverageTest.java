package io.mandate.it;

import io.mandate.testing.RestEndpoints;
import io.mandate.testing.RestEndpoints.Endpoint;
import org.junit.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Every REST resource method is fuzzed (issue 11 item 3): the endpoints are read from the compiled resource classes
 * ({@link RestEndpoints}, as {@link AccessCoverageTest} reads them), the fuzzed ones from the {@code FUZZED} tables of
 * {@link DecisionFuzzIT}, {@link AuthorityFuzzIT} and {@link RestFuzzIT} ({@code product METHOD template}). A new endpoint
 * without a fuzz target fails here, and so does a target naming an endpoint that no longer exists.
 */
public class FuzzCoverageTest {

    static Set<String> fuzzed() {
        return Stream.of(DecisionFuzzIT.FUZZED, AuthorityFuzzIT.FUZZED, RestFuzzIT.FUZZED).flatMap(List::stream)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> endpoints() {
        return RestEndpoints.all().stream().map(e -> e.product() + " " + e.method() + " " + e.template())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    public void everyRestEndpointIsNamedByAFuzzTarget() {
        Set<String> endpoints = endpoints();
        assertTrue("the scan finds the resources: " + endpoints, endpoints.size() >= 30);
        Set<String> missing = new TreeSet<>(endpoints);
        missing.removeAll(fuzzed());
        assertEquals("endpoints no fuzz test names", Set.of(), missing);
    }

    @Test
    public void everyFuzzTargetIsAnEndpoint() {
        Set<String> stale = new TreeSet<>(fuzzed());
        stale.removeAll(endpoints());
        assertEquals("fuzz targets that name no endpoint", Set.of(), stale);
    }

    /** The control: a made-up endpoint, or one product's endpoint under the other's name, is not covered. */
    @Test
    public void anEndpointWithoutATargetIsFound() {
        Endpoint made = new Endpoint("PATCH", "/decisions/{issueKey}", null);
        assertFalse(fuzzed().contains("jira " + made));
        assertTrue(endpoints().contains("confluence POST /backup"));
        assertTrue(endpoints().contains("jira POST /backup"));
        assertFalse("Confluence's charters are not Jira's", fuzzed().contains("jira PUT /charters/{teamKey}"));
    }
}
