package io.mandate.refhost.applinks;

import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkService;
import com.atlassian.applinks.api.ApplicationType;
import com.atlassian.applinks.api.application.jira.JiraApplicationType;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import io.mandate.refhost.world.HostUser;
import io.mandate.refhost.world.World;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Confluence's application links in the reference host: at most one, the primary link to the Jira node of the same
 * host, which makes requests as the current Confluence user once that user has authorised it (users are shared
 * between the two products here, as when Confluence uses Jira for user management). {@link io.mandate.refhost.RefHost}
 * creates the link once Jetty listens; without it (or after {@link #unlink()}) Confluence has no Jira link.
 */
public final class RefApplicationLinks implements ApplicationLinkService {

    /** The link's id, as Application Links puts it into the authorisation page's URL. */
    public static final String LINK_ID = "refhost-jira";
    /** Where a user authorises the link, the path a real Confluence uses for the OAuth "dance". */
    public static final String AUTHORISE_PATH = "/plugins/servlet/applinks/oauth/login-dance/authorize";

    /** A configured link: where Jira is and the secret both nodes share. */
    public record Target(URI jiraBaseUrl, LinkSignature signature) {
        public Target {
            Objects.requireNonNull(jiraBaseUrl, "jiraBaseUrl");
            Objects.requireNonNull(signature, "signature");
        }
    }

    private final LinkGrants grants;
    private final World world;
    private final ApplicationProperties confluence;
    /* The administrator's link configuration, set by the host; never per-user state. */
    private volatile Target target;

    private RefApplicationLinks(LinkGrants grants, World world, ApplicationProperties confluence) {
        this.grants = grants;
        this.world = world;
        this.confluence = confluence;
    }

    /** Confluence's links, with the users' grants in Confluence's database; no link until {@link #link}. */
    public static RefApplicationLinks open(DataSource confluenceDatabase, World world, ApplicationProperties confluence) {
        return new RefApplicationLinks(LinkGrants.open(confluenceDatabase), world, confluence);
    }

    public void link(Target target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** As if an administrator deleted the link. */
    public void unlink() {
        this.target = null;
    }

    public Optional<Target> target() {
        return Optional.ofNullable(target);
    }

    @Override
    public ApplicationLink getPrimaryApplicationLink(Class<? extends ApplicationType> type) {
        Target current = target;
        if (current == null || type == null || !JiraApplicationType.class.isAssignableFrom(type)) {
            return null;
        }
        return new RefJiraLink(current, this);
    }

    /** The user has authorised the link to act for them (an unknown or deactivated user never has). */
    public boolean isAuthorised(String username) {
        return activeUser(username).map(u -> grants.isGranted(u.key())).orElse(false);
    }

    /** Records that the user authorised the link, as the authorisation page does. */
    public void authorise(String username) {
        grants.grant(activeUser(username).orElseThrow(() -> new IllegalArgumentException("No active user " + username)).key());
    }

    /** Forgets the user's authorisation (a real user revokes the OAuth token in their profile). */
    public void revoke(String username) {
        world.userByName(username).ifPresent(u -> grants.revoke(u.key()));
    }

    /** The authorisation page, returning to {@code callback} (a path inside Confluence) afterwards. */
    URI authorisationUri(URI callback) {
        String uri = confluence.getBaseUrl(UrlMode.CANONICAL) + AUTHORISE_PATH + "?applicationLinkID=" + LINK_ID;
        if (callback != null) {
            uri += "&redirectUrl=" + URLEncoder.encode(callback.toString(), StandardCharsets.UTF_8);
        }
        return URI.create(uri);
    }

    private Optional<HostUser> activeUser(String username) {
        return username == null ? Optional.empty() : world.userByName(username).filter(HostUser::active);
    }
}
