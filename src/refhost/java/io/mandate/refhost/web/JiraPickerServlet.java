package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.world.HostUser;
import io.mandate.refhost.world.World;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * Jira's picker endpoints, with Jira's paths and shapes, for the user and group pickers of
 * plugin dialogs: {@code GET /rest/api/2/user/picker?query=} answers
 * {@code {"users":[{"key","name","displayName","html"}],"total","header"}} and
 * {@code GET /rest/api/2/groups/picker?query=} answers {@code {"groups":[{"name","html"}],"total","header"}}.
 * Logged-in users only; active users only; at most {@link #MAX_RESULTS} results, {@code total}
 * counts at most {@link #MAX_TOTAL}. The {@code html} values are escaped text with the matched
 * prefix in {@code <strong>}, as Jira renders them.
 *
 * <p>As Jira's UserPickerResourceHelperImpl and GroupPickerResourceHelperImpl do (read in Jira's source,
 * com.atlassian.jira.rest.v2.issue.users; https://support.atlassian.com/jira/kb/how-does-the-user-picker-work-in-jira-applications
 * "requires the Browse Users Global Permission … without this permission, users would only be able to
 * specifically add exact usernames"): only holders of the global permission {@link World#USER_PICKER}
 * get suggestions; anyone else gets 200 with at most the one user (group) whose name equals the query.
 * It is not a 403 in Jira either. E-mail addresses are left out of {@code html}: the host's e-mail
 * visibility is "hidden", and Jira adds them only when it is public.
 */
public final class JiraPickerServlet extends HttpServlet {

    /** Jira's default page of the user picker. */
    static final int DEFAULT_USERS = 50;
    /** Jira's default page of the group picker ({@code jira.ajax.autocomplete.limit}). */
    static final int DEFAULT_GROUPS = 20;
    /** Jira's upper bound for both pickers. */
    static final int MAX_RESULTS = 1000;
    /** The most matches counted for {@code total}, so one request never reads a whole directory. */
    static final int MAX_TOTAL = 1000;

    private final World world;

    public JiraPickerServlet(ProductNode node) {
        this(node.world());
    }

    JiraPickerServlet(World world) {
        this.world = world;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (RequestContext.current().username() == null) {
            Json.error(response, 401, "You are not logged in.");
            return;
        }
        String query = request.getParameter("query") == null ? "" : request.getParameter("query").trim();
        Set<String> exclude = request.getParameterValues("exclude") == null ? Set.of()
                : Arrays.stream(request.getParameterValues("exclude")).map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        boolean mayBrowse = world.hasGlobalPermission(RequestContext.current().username(), World.USER_PICKER);
        if (request.getServletPath().endsWith("/user/picker")) {
            int max = maxResults(request, DEFAULT_USERS);
            List<HostUser> candidates = mayBrowse ? world.findUsers(query, MAX_TOTAL + exclude.size())
                    : world.userByName(query).filter(HostUser::active).stream().toList();
            List<HostUser> found = candidates.stream()
                    .filter(u -> !exclude.contains(u.username().toLowerCase(Locale.ROOT)))
                    .limit(MAX_TOTAL)
                    .toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("users", found.stream().limit(max).map(u -> user(u, query)).toList());
            body.put("total", found.size());
            body.put("header", "Showing " + Math.min(max, found.size()) + " of " + found.size() + " matching users");
            Json.write(response, 200, body);
        } else {
            int max = maxResults(request, DEFAULT_GROUPS);
            List<String> candidates = mayBrowse ? world.findGroups(query, 0, MAX_TOTAL + exclude.size())
                    : world.groupExists(query) ? List.of(query.toLowerCase(Locale.ROOT)) : List.of();
            List<String> found = candidates.stream()
                    .filter(g -> !exclude.contains(g.toLowerCase(Locale.ROOT)))
                    .limit(MAX_TOTAL)
                    .toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("header", "Showing " + Math.min(max, found.size()) + " of " + found.size() + " matching groups");
            body.put("total", found.size());
            body.put("groups", found.stream().limit(max).map(g -> group(g, query)).toList());
            Json.write(response, 200, body);
        }
    }

    private static int maxResults(HttpServletRequest request, int fallback) {
        String value = request.getParameter("maxResults");
        try {
            return value == null ? fallback : Math.max(0, Math.min(MAX_RESULTS, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static Map<String, Object> user(HostUser u, String query) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", u.key());
        body.put("name", u.username());
        body.put("displayName", u.displayName());
        body.put("html", highlight(u.displayName(), query) + " (" + highlight(u.username(), query) + ")");
        return body;
    }

    static Map<String, Object> group(String name, String query) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("html", highlight(name, query));
        body.put("labels", List.of());
        return body;
    }

    /** The text escaped, with the query in {@code <strong>} where the text starts with it. */
    static String highlight(String text, String query) {
        if (!query.isEmpty() && text.regionMatches(true, 0, query, 0, query.length())) {
            return "<strong>" + escape(text.substring(0, query.length())) + "</strong>" + escape(text.substring(query.length()));
        }
        return escape(text);
    }
}
