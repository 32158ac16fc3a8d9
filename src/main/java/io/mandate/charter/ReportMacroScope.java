package io.mandate.charter;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The scope a {@code mandate-accountability-report} macro's parameters name: exactly one of {@code project} (a project
 * key), {@code domain} (domain keys separated by commas) and {@code team} (a team charter's key: the scope is the
 * domains its charter lists). Keys are upper-cased as Jira keeps them. Other parameters — Confluence adds its own —
 * are ignored. Jira decides whether a project or domain exists for the viewer; here only the shape is checked, so
 * that what reaches Jira, the page's element ids and links is a key ({@code A–Z}, {@code 0–9}, {@code _}) and
 * nothing else.
 */
record ReportMacroScope(Kind kind, String value) {

    enum Kind { PROJECT, DOMAIN, TEAM }

    /** Jira's project keys: a letter, then letters, digits or {@code _} (Jira's default project key pattern). */
    static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{1,254}");

    /** The macro's parameters, in the order the macro browser shows them. */
    static final List<String> PARAMETERS = List.of("project", "domain", "team");

    ReportMacroScope {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** What the macro asks Jira's report for: {@code project=KEY} or {@code domain=K1,K2}. */
    record JiraScope(String parameter, String value) implements Serializable {
    }

    /** Why the parameters name no scope, as an i18n key and its arguments. */
    record Problem(String key, List<String> args) {
        Problem {
            args = List.copyOf(args);
        }
    }

    /** Either a scope or the problem with the parameters. */
    record Parsed(ReportMacroScope scope, Problem problem) {
    }

    static Parsed parse(Map<String, String> parameters) {
        List<String> given = PARAMETERS.stream().filter(p -> value(parameters, p) != null).toList();
        if (given.isEmpty()) {
            return new Parsed(null, new Problem("mandate.report.macro.noScope", List.of()));
        }
        if (given.size() > 1) {
            return new Parsed(null, new Problem("mandate.report.macro.oneScope", List.of(String.join(", ", given))));
        }
        String name = given.get(0);
        String value = value(parameters, name).toUpperCase(Locale.ROOT);
        return switch (name) {
            case "project" -> PROJECT_KEY.matcher(value).matches() ? new Parsed(new ReportMacroScope(Kind.PROJECT, value), null)
                    : new Parsed(null, new Problem("mandate.report.macro.badProject", List.of(value)));
            case "domain" -> {
                List<String> keys = keys(value);
                Optional<String> bad = keys.stream().filter(k -> !CharterInput.DOMAIN_KEY.matcher(k).matches()).findFirst();
                yield keys.isEmpty() ? new Parsed(null, new Problem("mandate.report.macro.noScope", List.of()))
                        : bad.isPresent() ? new Parsed(null, new Problem("mandate.report.macro.badDomain", List.of(bad.get())))
                        : new Parsed(new ReportMacroScope(Kind.DOMAIN, String.join(",", keys)), null);
            }
            // a team key that is not one is "no charter", as the charter macro says it
            default -> CharterInput.TEAM_KEY.matcher(value).matches() ? new Parsed(new ReportMacroScope(Kind.TEAM, value), null)
                    : new Parsed(null, new Problem("mandate.charter.macro.none", List.of(value)));
        };
    }

    /** Jira's scope for a project or domains; for a team, {@link #ofDomains} once its charter's domains are known. */
    JiraScope jira() {
        return switch (kind) {
            case PROJECT -> new JiraScope("project", value);
            case DOMAIN -> new JiraScope("domain", value);
            case TEAM -> throw new IllegalStateException("a team's scope is its charter's domains");
        };
    }

    static JiraScope ofDomains(List<String> domainKeys) {
        return new JiraScope("domain", String.join(",", domainKeys));
    }

    /** The domain keys of a {@code domain} value: trimmed, upper case, each once, in the order given. */
    static List<String> keys(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(k -> !k.isEmpty())
                .map(k -> k.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    private static String value(Map<String, String> parameters, String name) {
        String v = parameters == null ? null : parameters.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
