package io.mandate.accountability;

import io.mandate.platform.rest.ApiException;
import io.mandate.platform.rest.Message;

import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * REST: {@code /rest/mandate/1.0/reports/accountability} — the accountability report of a scope (docs/rest-api.md):
 * {@code ?project=KEY}, {@code ?domain=K1,K2} or {@code ?group=NAME}; none = the whole instance. Logged-in users
 * (401 otherwise); only the decisions the caller may browse count. An unknown project (or one the caller cannot
 * browse), domain or group is 400 naming the parameter; more than one of the three is 400 naming each given.
 * {@code /reports/whatif} takes the same scope parameters and who is away ({@link #whatif}).
 */
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
public class AccountabilityResource {

    /** The one thing {@code include} may ask for. */
    static final String INCLUDE_COVERAGE = "coverage";

    private final AccountabilityService reports;
    private final WhatIfService whatIfs;

    @Inject
    public AccountabilityResource(AccountabilityService reports, WhatIfService whatIfs) {
        this.reports = reports;
        this.whatIfs = whatIfs;
    }

    /**
     * {@code GET /reports/accountability} with the scope parameters; {@code include=coverage} adds who holds which
     * level in each domain of the scope (the heat map's grid, as Confluence's report macro draws it). Any other
     * {@code include} is 400 naming it (after the 401 of the anonymous).
     */
    @GET
    @Path("accountability")
    public Map<String, Object> accountability(@QueryParam("project") String project, @QueryParam("domain") String domain,
                                              @QueryParam("group") String group, @QueryParam("include") String include) {
        boolean coverage = include(include);
        Map<String, Object> scope = new LinkedHashMap<>();
        AccountabilityService.ScopedReport scoped = reports.reportWithCoverage(scope(project, domain, group, scope));
        Map<String, Object> json = json(scope, scoped.report());
        if (coverage) {
            json.put("coverage", json(scoped.coverage()));
        }
        return json;
    }

    /** Whether {@code include} asks for the coverage grid; absent or blank asks for nothing more. */
    private boolean include(String include) {
        if (include == null || include.isBlank()) {
            return false;
        }
        if (include.trim().equals(INCLUDE_COVERAGE)) {
            return true;
        }
        reports.caller(); // 401 for the anonymous before any 400
        throw ApiException.invalid(Map.of("include", Message.of("mandate.error.report.include", INCLUDE_COVERAGE)));
    }

    /** The coverage grid as JSON: domains and people sorted, {@code levels} domain → username → level 1..7 (none left out). */
    static Map<String, Object> json(CoverageGrid grid) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("domains", grid.domains());
        j.put("people", grid.people());
        Map<String, Object> levels = new LinkedHashMap<>();
        for (String d : grid.domains()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String p : grid.people()) {
                int level = grid.level(d, p);
                if (level > 0) {
                    row.put(p, level);
                }
            }
            levels.put(d, row);
        }
        j.put("levels", levels);
        return j;
    }

    /**
     * {@code GET /reports/whatif?absent=user1,user2} or {@code ?from=YYYY-MM-DD&to=YYYY-MM-DD} (the recorded absences
     * of that window), with the report's scope parameters ({@code project}, {@code domain}, {@code group}; none = the
     * whole instance): which domains stall, which stay covered only through a backup, which AGREE domains lose a
     * co-decider and which open decisions wait for someone away. Logged-in users (401 otherwise); 400 naming each
     * invalid parameter ({@link WhatIfService#whatIf}).
     */
    @GET
    @Path("whatif")
    public Map<String, Object> whatif(@QueryParam("project") String project, @QueryParam("domain") String domain,
                                      @QueryParam("group") String group, @QueryParam("absent") String absent,
                                      @QueryParam("from") String from, @QueryParam("to") String to) {
        Map<String, Object> scope = new LinkedHashMap<>();
        WhatIfService.Answer answer = whatIfs.whatIf(scope(project, domain, group, scope), absent, from, to);
        return json(scope, answer);
    }

    /**
     * The scope the parameters name, its JSON put into {@code scopeJson}; more than one of the three is 400 naming
     * each given (after the 401 of the anonymous).
     */
    private AccountabilityService.Scope scope(String project, String domain, String group, Map<String, Object> scopeJson) {
        Map<String, Message> errors = new LinkedHashMap<>();
        int given = (project != null ? 1 : 0) + (domain != null ? 1 : 0) + (group != null ? 1 : 0);
        if (given > 1) {
            Message one = Message.of("mandate.error.report.oneScope");
            if (project != null) {
                errors.put("project", one);
            }
            if (domain != null) {
                errors.put("domain", one);
            }
            if (group != null) {
                errors.put("group", one);
            }
            reports.caller(); // 401 for the anonymous before any 400
            throw ApiException.invalid(errors);
        }
        AccountabilityService.Scope s;
        if (project != null) {
            s = new AccountabilityService.Scope.Project(project.trim());
            scopeJson.put("project", project.trim().toUpperCase(java.util.Locale.ROOT));
        } else if (domain != null) {
            List<String> keys = Arrays.stream(domain.split(",")).map(String::trim).filter(k -> !k.isEmpty())
                    .map(k -> k.toUpperCase(java.util.Locale.ROOT)) // domain keys are upper case; the query and caches compare exactly
                    .distinct().sorted().toList();
            s = new AccountabilityService.Scope.Domains(keys);
            scopeJson.put("domains", keys);
        } else if (group != null) {
            s = new AccountabilityService.Scope.Group(group.trim());
            scopeJson.put("group", group.trim());
        } else {
            s = new AccountabilityService.Scope.All();
        }
        return s;
    }

    /**
     * The what-if as JSON: {@code scope}, {@code absent}, {@code window} (the {@code from=&to=} form only), then the
     * lists as {@link WhatIfReport} sorts them; the two per-domain maps as lists of {@code {"domain", …}} by domain key.
     */
    static Map<String, Object> json(Map<String, Object> scope, WhatIfService.Answer answer) {
        WhatIfReport r = answer.report();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("scope", scope);
        j.put("absent", r.absent());
        if (answer.window() != null) {
            Map<String, Object> window = new LinkedHashMap<>();
            window.put("from", answer.window().from().toString());
            window.put("to", answer.window().to().toString());
            j.put("window", window);
        }
        j.put("alreadyUncovered", r.alreadyUncovered());
        j.put("stalled", r.stalled());
        j.put("coveredByBackup", r.coveredByBackup().entrySet().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("domain", e.getKey());
            m.put("standIns", e.getValue().stream().map(s -> {
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("holder", s.holder());
                pair.put("backup", s.backup());
                return pair;
            }).toList());
            return m;
        }).toList());
        j.put("coDecidersLost", r.coDecidersLost().entrySet().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("domain", e.getKey());
            m.put("people", e.getValue());
            return m;
        }).toList());
        j.put("decisionsWaiting", r.decisionsWaiting());
        return j;
    }

    /** The contract's JSON: lists as the report sorts them, cycle time and the trend as small objects. */
    static Map<String, Object> json(Map<String, Object> scope, AccountabilityReport r) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("scope", scope);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("decisions", r.totals().decisions());
        totals.put("open", r.totals().open());
        totals.put("decided", r.totals().decided());
        j.put("totals", totals);
        j.put("unowned", r.unowned());
        j.put("overdue", r.overdue());
        j.put("violations", r.violations());
        j.put("consultationGaps", r.consultationGaps());
        j.put("dueForReview", r.dueForReview());
        j.put("load", r.load().stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("user", l.user());
            m.put("count", l.count());
            m.put("state", l.state().jsonName());
            return m;
        }).toList());
        j.put("gini", r.gini());
        j.put("topShare", r.topShare());
        j.put("singlePointsOfFailure", r.singlePointsOfFailure());
        Map<String, Object> bus = new LinkedHashMap<>();
        bus.put("value", r.busFactor().value());
        bus.put("people", r.busFactor().people());
        j.put("busFactor", bus);
        Map<String, Object> cycle = new LinkedHashMap<>();
        cycle.put("median", r.cycleTimeDays().median());
        cycle.put("p90", r.cycleTimeDays().p90());
        j.put("cycleTimeDays", cycle);
        j.put("trend", r.trend().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("month", t.month().toString());
            m.put("decisions", t.decisions());
            // a month without decisions has no index to show: the definition's 1 ("nobody carries anything") is not
            // a measurement, and a chart or a script reading it as one would draw a perfect month that never was
            m.put("index", t.decisions() == 0 ? null : t.distributionIndex());
            return m;
        }).toList());
        return j;
    }
}
