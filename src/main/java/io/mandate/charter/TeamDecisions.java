package io.mandate.charter;

import com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent;
import io.mandate.platform.ClusterCache;
import io.mandate.platform.ClusterCaches;
import io.mandate.platform.LinkedJira;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.ProductClock;

import javax.inject.Inject;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A team's decision data from the linked Jira ({@link JiraTeamReader}) for the current user, kept briefly in the
 * host's cluster cache per user and set of domains: a page viewed again within {@link #TTL} (or by the same person
 * on another node after that node read it) does not ask Jira again, and a Jira that is down or slow is asked once
 * per user per {@link #TTL}, not on every view. "Authorise the link first" is never kept: after authorising, the
 * next view must read Jira.
 */
@ConfluenceComponent
public class TeamDecisions {

    static final Duration TTL = Duration.ofSeconds(60);
    static final String CACHE = "charter.jira";

    /** Per user (by key; "" for anonymous) and the team's domains in the charter's order. */
    record Key(String userKey, ArrayList<String> domains) implements Serializable {
    }

    private final People people;
    private final ClusterCache<Key, TeamDecisionData> cache;

    @Inject
    public TeamDecisions(LinkedJira jira, ClusterCaches caches, People people, ProductClock clock) {
        this.people = people;
        // the loader runs in the viewing user's request, so LinkedJira reads Jira as the user the key names
        this.cache = caches.cache(CACHE, key -> Optional.of(new JiraTeamReader(jira, System::nanoTime).read(key.domains(), clock.today())),
                TTL, 10_000);
    }

    /** What Jira says about these domains for the current user. */
    public TeamDecisionData forCurrentUser(List<String> domains) {
        Key key = new Key(people.currentUser().map(Person::key).orElse(""), new ArrayList<>(domains));
        TeamDecisionData data = cache.get(key).orElseThrow();
        if (data.needsAuthorisation()) {
            cache.invalidate(key);
        }
        return data;
    }
}
