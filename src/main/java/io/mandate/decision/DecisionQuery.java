package io.mandate.decision;

import java.time.LocalDate;
import java.util.Set;

/**
 * A filtered, paged read of decisions. {@code visibleProjects} is always applied: only decisions in
 * projects the caller may browse are ever returned or counted.
 *
 * @param overdueOn when set, only open decisions due before this day
 */
public record DecisionQuery(Set<String> visibleProjects, String project, String domain, String approverKey,
                            String driverKey, DecisionStatus status, LocalDate overdueOn, int startAt, int maxResults) {

    public DecisionQuery {
        visibleProjects = Set.copyOf(visibleProjects);
    }
}
