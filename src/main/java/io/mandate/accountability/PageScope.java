package io.mandate.accountability;

import io.mandate.platform.rest.ApiException;
import io.mandate.platform.rest.Message;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The scope of a report page as its address gives it: {@code ?project=KEY}, {@code ?domain=K1,K2} (also repeated,
 * {@code ?domain=K1&domain=K2}, as a multiple select sends it), {@code ?group=NAME}, or nothing for the whole instance.
 * The same rules as {@code GET /reports/accountability}: one kind only (400 naming each kind given), domain keys
 * upper-cased, sorted and deduplicated, project keys upper-cased. Unlike the REST parameters, a <em>blank</em>
 * parameter counts as not given: the page's scope forms send their empty fields.
 *
 * @param scope  what the report covers
 * @param kind   {@code project}, {@code domain}, {@code group} or {@code all}
 * @param values the project key, the domain keys or the group name as given (one value except for domains)
 */
public record PageScope(AccountabilityService.Scope scope, String kind, List<String> values) {

    public PageScope {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(kind, "kind");
        values = List.copyOf(values);
    }

    /** The whole instance. */
    public static PageScope all() {
        return new PageScope(new AccountabilityService.Scope.All(), "all", List.of());
    }

    /**
     * The scope of the request's parameters (each the array a servlet request gives, null when absent).
     *
     * @throws ApiException 400 naming each kind when more than one is given
     */
    public static PageScope of(String[] project, String[] domain, String[] group) {
        List<String> projects = given(project);
        List<String> domains = new ArrayList<>();
        given(domain).forEach(v -> Arrays.stream(v.split(",")).map(String::trim).filter(k -> !k.isEmpty())
                .map(k -> k.toUpperCase(Locale.ROOT)).forEach(domains::add));
        List<String> groups = given(group);
        Map<String, Message> errors = new LinkedHashMap<>();
        Message one = Message.of("mandate.error.report.oneScope");
        int kinds = (projects.isEmpty() ? 0 : 1) + (domains.isEmpty() ? 0 : 1) + (groups.isEmpty() ? 0 : 1);
        if (kinds > 1 || projects.size() > 1 || groups.size() > 1) {
            if (!projects.isEmpty()) {
                errors.put("project", one);
            }
            if (!domains.isEmpty()) {
                errors.put("domain", one);
            }
            if (!groups.isEmpty()) {
                errors.put("group", one);
            }
            throw ApiException.invalid(errors);
        }
        if (!projects.isEmpty()) {
            String key = projects.get(0).toUpperCase(Locale.ROOT);
            return new PageScope(new AccountabilityService.Scope.Project(key), "project", List.of(key));
        }
        if (!domains.isEmpty()) {
            AccountabilityService.Scope.Domains d = new AccountabilityService.Scope.Domains(domains);
            return new PageScope(d, "domain", d.keys());
        }
        if (!groups.isEmpty()) {
            return new PageScope(new AccountabilityService.Scope.Group(groups.get(0)), "group", groups);
        }
        return all();
    }

    /** The project key of a project scope; null otherwise. */
    public String projectKey() {
        return kind.equals("project") ? values.get(0) : null;
    }

    /** The domain keys of a domain scope (sorted); empty otherwise. */
    public List<String> domainKeys() {
        return kind.equals("domain") ? values : List.of();
    }

    /** The group name of a group scope; null otherwise. */
    public String group() {
        return kind.equals("group") ? values.get(0) : null;
    }

    public boolean isAll() {
        return kind.equals("all");
    }

    /**
     * The scope as one request parameter, name and value ({@code project}/{@code DEMO}, {@code domain}/{@code ARCH,RELEASE},
     * {@code group}/{@code leads}); none for the instance. A form's hidden field or a link's query carries it.
     */
    public java.util.Optional<Map.Entry<String, String>> parameter() {
        return isAll() ? java.util.Optional.empty() : java.util.Optional.of(Map.entry(kind, String.join(",", values)));
    }

    /** The scope as URL query parameters ({@code project=DEMO}, {@code domain=ARCH%2CRELEASE}), empty for the instance. */
    public String query() {
        return parameter().map(p -> p.getKey() + "=" + encode(p.getValue())).orElse("");
    }

    private static List<String> given(String[] values) {
        if (values == null) {
            return List.of();
        }
        return Arrays.stream(values).filter(Objects::nonNull).map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
