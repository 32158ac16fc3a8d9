package io.mandate.charter;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.platform.Person;
import io.mandate.platform.JiraAnswer;
import io.mandate.platform.JiraPath;
import io.mandate.platform.LinkedJira;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Reads what the linked Jira's Mandate REST API says about a team's domains, as the viewing user: the domains
 * ({@code GET /domains}), each domain's grants ({@code GET /domains/{key}/grants}) and its open decisions
 * ({@code GET /decisions?domain=&status=OPEN|IN_PROGRESS}). Never throws: whatever cannot be read becomes a
 * {@link JiraNotice}. A failure that concerns the whole link (no link, authorisation needed, Jira down
 * or slow, no Mandate in Jira, refused) stops all further requests; the whole read is bounded by {@link #BUDGET_NANOS}
 * (each request by the link's own timeouts), so a slow Jira costs a page view seconds, not minutes.
 */
final class JiraTeamReader {

    /** No request starts after this long (each request's own timeouts bound the one under way). */
    static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Open decisions listed per domain and status; the total still counts them all. */
    static final int DECISIONS_PER_DOMAIN = 50;

    private static final String API = "/rest/mandate/1.0";

    private final LinkedJira jira;
    private final LongSupplier nanoTime;

    JiraTeamReader(LinkedJira jira, LongSupplier nanoTime) {
        this.jira = jira;
        this.nanoTime = nanoTime;
    }

    /** What Jira says about these domains; {@code today} decides which grants are valid. */
    TeamDecisionData read(List<String> domainKeys, LocalDate today) {
        URI jiraUrl = jira.displayUrl().orElse(null);
        if (domainKeys.isEmpty()) {
            return new TeamDecisionData(List.of(), List.of(), 0, List.of(), true, jiraUrl);
        }
        long deadline = nanoTime.getAsLong() + BUDGET_NANOS;
        Read all = get(JiraPath.root(API + "/domains").query("maxResults", "1000"));
        if (all.failure() != null) {
            return new TeamDecisionData(domainKeys.stream().map(TeamDecisionData.DomainRights::unknown).toList(), List.of(), 0,
                    List.of(all.failure()), false, jiraUrl);
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode d : all.json().path("values")) {
            names.put(d.path("key").asText(), d.path("name").asText(null));
        }
        List<TeamDecisionData.DomainRights> rights = new ArrayList<>();
        List<TeamDecisionData.OpenDecision> decisions = new ArrayList<>();
        List<JiraNotice> notices = new ArrayList<>();
        int total = 0;
        JiraNotice stop = null;
        for (String key : domainKeys) {
            String name = names.get(key);
            if (!names.containsKey(key)) {
                rights.add(TeamDecisionData.DomainRights.unknown(key));
                notices.add(JiraNotice.of(JiraNotice.DOMAIN_UNKNOWN, key));
                continue;
            }
            if (stop == null && nanoTime.getAsLong() - deadline > 0) {
                stop = JiraNotice.of(JiraNotice.TOO_SLOW);
            }
            if (stop != null) {
                rights.add(TeamDecisionData.DomainRights.notLoaded(key, name));
                continue;
            }
            Read grants = get(JiraPath.root(API + "/domains").segment(key).segment("grants").query("maxResults", "1000"));
            if (grants.failure() != null) {
                rights.add(TeamDecisionData.DomainRights.notLoaded(key, name));
                if (grants.stopsAll()) {
                    stop = grants.failure();
                } else {
                    notices.add(JiraNotice.of(JiraNotice.GRANTS_FAILED, name == null ? key : name));
                }
                continue;
            }
            rights.add(rights(key, name, grants.json(), today));
            for (String status : List.of("OPEN", "IN_PROGRESS")) {
                if (stop == null && nanoTime.getAsLong() - deadline > 0) {
                    stop = JiraNotice.of(JiraNotice.TOO_SLOW);
                }
                if (stop != null) {
                    break;
                }
                Read open = get(JiraPath.root(API + "/decisions").query("domain", key).query("status", status)
                        .query("maxResults", String.valueOf(DECISIONS_PER_DOMAIN)));
                if (open.failure() != null) {
                    if (open.stopsAll()) {
                        stop = open.failure();
                    } else {
                        notices.add(JiraNotice.of(JiraNotice.DECISIONS_FAILED, name == null ? key : name));
                    }
                    break;
                }
                total += open.json().path("total").asInt(open.json().path("values").size());
                for (JsonNode d : open.json().path("values")) {
                    decisions.add(decision(d, key));
                }
            }
        }
        if (stop != null) {
            notices.add(0, stop);
        }
        decisions.sort(Comparator.comparing(TeamDecisionData.OpenDecision::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(d -> projectOf(d.issueKey())).thenComparingLong(d -> numberOf(d.issueKey())));
        return new TeamDecisionData(rights, decisions, total, notices, true, jiraUrl);
    }

    /** The grants valid today, sorted into who may approve (5–7), decides together (4) and must be consulted (3). */
    private static TeamDecisionData.DomainRights rights(String key, String name, JsonNode page, LocalDate today) {
        List<TeamDecisionData.Holder> approvers = new ArrayList<>();
        List<TeamDecisionData.Holder> coDeciders = new ArrayList<>();
        List<TeamDecisionData.Holder> consulted = new ArrayList<>();
        for (JsonNode g : page.path("values")) {
            LocalDate from = date(g.path("validFrom"));
            LocalDate to = date(g.path("validTo"));
            if (from != null && from.isAfter(today) || to != null && to.isBefore(today)) {
                continue;
            }
            JsonNode holder = g.path("holder");
            String holderName = holder.path("name").asText("");
            if (holderName.isEmpty()) {
                continue;
            }
            TeamDecisionData.Holder h = new TeamDecisionData.Holder("group".equals(holder.path("type").asText()), holderName,
                    holder.path("displayName").asText(null), g.path("backup").isTextual() ? g.path("backup").asText() : null,
                    state(holder));
            int level = g.path("level").asInt(0);
            if (level >= 5) {
                approvers.add(h);
            } else if (level == 4) {
                coDeciders.add(h);
            } else if (level == 3) {
                consulted.add(h);
            }
        }
        return new TeamDecisionData.DomainRights(key, name, true, true, approvers, coDeciders, consulted);
    }

    private static TeamDecisionData.OpenDecision decision(JsonNode d, String domain) {
        JsonNode approver = d.path("approver");
        String approverName = approver.isObject() ? approver.path("displayName").asText(approver.path("name").asText(null)) : null;
        return new TeamDecisionData.OpenDecision(d.path("issueKey").asText(), d.path("summary").asText(""),
                d.path("status").asText(""), domain, approverName, state(approver), date(d.path("dueDate")),
                d.path("checks").path("overdue").asBoolean(false));
    }

    /** A user's {@code state} as Jira's Mandate writes it; active when it says nothing (a Mandate from before the field). */
    static Person.State state(JsonNode user) {
        return switch (user.path("state").asText("")) {
            case "inactive" -> Person.State.INACTIVE;
            case "deleted" -> Person.State.DELETED;
            default -> Person.State.ACTIVE;
        };
    }

    private static LocalDate date(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String projectOf(String issueKey) {
        int dash = issueKey.lastIndexOf('-');
        return dash < 0 ? issueKey : issueKey.substring(0, dash);
    }

    private static long numberOf(String issueKey) {
        try {
            return Long.parseLong(issueKey.substring(issueKey.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One answer: Jira's JSON, or the notice for its failure and whether that failure concerns the whole link. */
    private record Read(JsonNode json, JiraNotice failure, boolean stopsAll) {
    }

    private Read get(JiraPath path) {
        JiraAnswer answer = jira.get(path);
        if (answer instanceof JiraAnswer.Json json) {
            return json.body().isObject() ? new Read(json.body(), null, false)
                    : new Read(null, JiraNotice.of(JiraNotice.UNREADABLE), true);
        }
        JiraNotice linkFailure = JiraNotice.ofLink(answer, JiraNotice.CHARTER);
        if (linkFailure != null) {
            return new Read(null, linkFailure, true);
        }
        int status = ((JiraAnswer.ErrorStatus) answer).status();
        boolean list = path.toString().startsWith(API + "/domains?");
        if (status == 404 && list) {
            // the list of domains is there for every logged-in user wherever Mandate runs: its absence is Mandate's
            return new Read(null, JiraNotice.of(JiraNotice.NO_MANDATE), true);
        }
        if (status == 404) {
            // one domain deleted (or hidden) between two requests: that part only
            return new Read(null, JiraNotice.of(JiraNotice.ERROR, "404"), false);
        }
        if (status == 403) {
            return new Read(null, JiraNotice.of(JiraNotice.REFUSED, "403"), true);
        }
        return new Read(null, JiraNotice.of(JiraNotice.ERROR, String.valueOf(status)), true);
    }
}
