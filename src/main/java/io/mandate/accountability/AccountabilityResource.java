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
 */
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
public class AccountabilityResource {

    private final AccountabilityService reports;

    @Inject
    public AccountabilityResource(AccountabilityService reports) {
        this.reports = reports;
    }

    @GET
    @Path("accountability")
    public Map<String, Object> accountability(@QueryParam("project") String project, @QueryParam("domain") String domain,
                                              @QueryParam("group") String group) {
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
        Map<String, Object> scope = new LinkedHashMap<>();
        AccountabilityService.Scope s;
        if (project != null) {
            s = new AccountabilityService.Scope.Project(project.trim());
            scope.put("project", project.trim().toUpperCase(java.util.Locale.ROOT));
        } else if (domain != null) {
            List<String> keys = Arrays.stream(domain.split(",")).map(String::trim).filter(k -> !k.isEmpty())
                    .map(k -> k.toUpperCase(java.util.Locale.ROOT)) // domain keys are upper case; the query and caches compare exactly
                    .distinct().sorted().toList();
            s = new AccountabilityService.Scope.Domains(keys);
            scope.put("domains", keys);
        } else if (group != null) {
            s = new AccountabilityService.Scope.Group(group.trim());
            scope.put("group", group.trim());
        } else {
            s = new AccountabilityService.Scope.All();
        }
        return json(scope, reports.report(s));
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
            m.put("index", t.distributionIndex());
            return m;
        }).toList());
        return j;
    }
}
