package io.mandate.charter;

import com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent;
import io.mandate.platform.ClusterCache;
import io.mandate.platform.ClusterCaches;
import io.mandate.platform.LinkedJira;
import io.mandate.platform.People;
import io.mandate.platform.Person;

import javax.inject.Inject;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

/**
 * Accountability reports from the linked Jira ({@link JiraReportReader}) for the current user, kept briefly in the
 * host's cluster cache per user and scope, as {@link TeamDecisions} keeps a charter's decision data: a page viewed
 * again within {@link #TTL} does not ask Jira again, and a Jira that is down or slow is asked once per user and scope
 * per {@link #TTL}. "Authorise the link first" is never kept.
 */
@ConfluenceComponent
public class LinkedReports {

    static final Duration TTL = Duration.ofSeconds(60);
    static final String CACHE = "report.jira";

    /** Per user (by key; "" for anonymous) and the scope Jira is asked for. */
    record Key(String userKey, ReportMacroScope.JiraScope scope) implements Serializable {
    }

    private final People people;
    private final ClusterCache<Key, LinkedReport> cache;

    @Inject
    public LinkedReports(LinkedJira jira, ClusterCaches caches, People people) {
        this.people = people;
        // the loader runs in the viewing user's request, so LinkedJira reads Jira as the user the key names
        this.cache = caches.cache(CACHE, key -> Optional.of(new JiraReportReader(jira).read(key.scope())), TTL, 10_000);
    }

    /** The report of this scope as Jira gives it to the current user. */
    public LinkedReport forCurrentUser(ReportMacroScope.JiraScope scope) {
        Key key = new Key(people.currentUser().map(Person::key).orElse(""), scope);
        LinkedReport report = cache.get(key).orElseThrow();
        if (report.needsAuthorisation()) {
            cache.invalidate(key);
        }
        return report;
    }
}
