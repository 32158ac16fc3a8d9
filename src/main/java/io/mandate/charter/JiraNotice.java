package io.mandate.charter;

import io.mandate.platform.JiraAnswer;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Something a macro could not load from the linked Jira, as an i18n key with its arguments, and a link to act on
 * (the link's authorisation page) or null. The page shows it plainly where the missing part would be.
 *
 * <p>The failures of the link itself ({@link #ofLink}) are the same for both macros but worded for each: the
 * charter says its decision data is unavailable ({@link #CHARTER}{@code <kind>}), the report macro that the report is
 * ({@link #REPORT}{@code <kind>}). The kind, the key's last part, is what the page marks the notice with.
 */
public record JiraNotice(String key, List<String> args, URI link) {

    /** Key prefix of the charter macro's notices. */
    static final String CHARTER = "mandate.charter.jira.";
    /** Key prefix of the report macro's notices. */
    static final String REPORT = "mandate.report.macro.jira.";

    public static final String NOT_LINKED = CHARTER + "notLinked";
    public static final String AUTHORISE = CHARTER + "authorise";
    public static final String UNREACHABLE = CHARTER + "unreachable";
    public static final String NO_MANDATE = CHARTER + "noMandate";
    public static final String REFUSED = CHARTER + "refused";
    public static final String ERROR = CHARTER + "error";
    public static final String UNREADABLE = CHARTER + "unreadable";
    public static final String TOO_SLOW = CHARTER + "tooSlow";
    public static final String DOMAIN_UNKNOWN = CHARTER + "domainUnknown";
    public static final String GRANTS_FAILED = CHARTER + "grantsFailed";
    public static final String DECISIONS_FAILED = CHARTER + "decisionsFailed";

    public JiraNotice {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    static JiraNotice of(String key, String... args) {
        return new JiraNotice(key, List.of(args), null);
    }

    /** The key's last part: {@code notLinked}, {@code authorise}, … */
    public String kind() {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** Whether the user must authorise the link before anything can be read (nothing worth keeping in a cache). */
    public boolean asksForAuthorisation() {
        return kind().equals("authorise");
    }

    /**
     * The notice for an answer that is a failure of the link rather than Jira's word: no link, authorisation needed,
     * unreachable (down or too slow), unreadable. Null for JSON and for an error status, which each reader words
     * for the request it made.
     */
    static JiraNotice ofLink(JiraAnswer answer, String prefix) {
        if (answer instanceof JiraAnswer.NotLinked) {
            return of(prefix + "notLinked");
        }
        if (answer instanceof JiraAnswer.AuthorisationNeeded a) {
            return new JiraNotice(prefix + "authorise", List.of(), a.authorisationUri().orElse(null));
        }
        if (answer instanceof JiraAnswer.Unreachable) {
            return of(prefix + "unreachable");
        }
        if (answer instanceof JiraAnswer.Unreadable) {
            return of(prefix + "unreadable");
        }
        return null;
    }
}
