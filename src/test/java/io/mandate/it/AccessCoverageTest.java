package io.mandate.it;

import io.mandate.testing.RestEndpoints;
import io.mandate.testing.RestEndpoints.Endpoint;
import org.junit.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The access tables cover every REST endpoint the plugin has: the endpoints are read from the resource classes
 * ({@link RestEndpoints}: every {@code @Path} class under {@code io.mandate} in the compiled plugin, each method with an
 * HTTP method annotation), the rows from {@link DecisionAccessIT} and {@link AuthorityAccessIT} (Jira) and
 * {@link CharterAccessIT} (Confluence). Each resource belongs to the product whose {@code <rest>} module in
 * atlassian-plugin.xml lists its package ({@link Endpoint#product()}), and only rows sent to that product count for it.
 * An endpoint without a row fails here — a new endpoint joins an access table the day it is written. Every endpoint
 * must also have a row for a caller who is not logged in (401) and one that succeeds (2xx), so no endpoint is only ever
 * tested refusing.
 */
public class AccessCoverageTest {

    private static final String BASE = "/rest/mandate/1.0";

    record Probe(String product, String method, String path, int status) {
    }

    @Test
    public void everyRestEndpointHasAnAnonymousRowAndASuccessfulRowInAnAccessTable() throws Exception {
        List<Endpoint> endpoints = RestEndpoints.all();
        assertTrue("the scan finds the resources: " + endpoints, endpoints.size() >= 20);
        List<Probe> probes = probes();
        Map<String, String> missing = new TreeMap<>();
        for (Endpoint e : endpoints) {
            Pattern p = e.pattern(BASE);
            List<Probe> rows = probes.stream().filter(r -> r.product().equals(e.product()) && r.method().equals(e.method())
                    && p.matcher(r.path()).matches()).toList();
            if (rows.isEmpty()) {
                missing.put(BASE + e, "no row");
            } else if (rows.stream().noneMatch(r -> r.status() == 401)) {
                missing.put(BASE + e, "no row for a caller who is not logged in");
            } else if (rows.stream().noneMatch(r -> r.status() >= 200 && r.status() < 300)) {
                missing.put(BASE + e, "no row that succeeds");
            }
        }
        assertEquals("endpoints the access tables miss", Map.of(), missing);
    }

    /** The control: a made-up endpoint is reported, so the check above can fail. */
    @Test
    public void anEndpointWithoutRowsIsFound() throws Exception {
        Pattern p = new Endpoint("PATCH", "/decisions/{issueKey}", null).pattern(BASE);
        assertTrue(p.matcher(BASE + "/decisions/OPS-2?version=3").matches());
        assertTrue(probes().stream().noneMatch(r -> r.method().equals("PATCH") && p.matcher(r.path()).matches()));
        assertTrue(!new Endpoint("GET", "/domains/{domainKey}", null).pattern(BASE).matcher(BASE + "/domains/A/grants").matches());
    }

    /** The control for products: Confluence's rows do not count for Jira's endpoints, nor Jira's for Confluence's. */
    @Test
    public void rowsCountOnlyForTheProductTheyWereSentTo() {
        Pattern charters = new Endpoint("GET", "/charters/{teamKey}", null).pattern(BASE);
        assertTrue(probes().stream().anyMatch(r -> r.product().equals("confluence") && charters.matcher(r.path()).matches()));
        assertTrue(probes().stream().noneMatch(r -> r.product().equals("jira") && charters.matcher(r.path()).matches()));
        assertEquals("the charter resource is Confluence's", List.of("confluence"),
                RestEndpoints.all().stream().filter(e -> e.template().startsWith("/charters")).map(Endpoint::product).distinct().toList());
        assertEquals("the decision resource is Jira's", List.of("jira"),
                RestEndpoints.all().stream().filter(e -> e.template().startsWith("/decisions")).map(Endpoint::product).distinct().toList());
    }

    private static List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (Object[] row : DecisionAccessIT.table()) {
            DecisionAccessIT.Row r = (DecisionAccessIT.Row) row[0];
            probes.add(new Probe("jira", r.method(), r.path(), r.status()));
        }
        for (Object[] row : AuthorityAccessIT.table()) {
            AuthorityAccessIT.Row r = (AuthorityAccessIT.Row) row[0];
            probes.add(new Probe("jira", r.method(), BASE + r.path(), r.status()));
        }
        for (Object[] row : CharterAccessIT.table()) {
            CharterAccessIT.Row r = (CharterAccessIT.Row) row[0];
            probes.add(new Probe("confluence", r.method(), BASE + r.path(), r.status()));
        }
        return probes;
    }
}
