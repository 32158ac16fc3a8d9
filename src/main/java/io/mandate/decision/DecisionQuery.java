package io.mandate.decision;

import java.time.LocalDate;
import java.util.Set;

/**
 * A filtered read of decisions (the page is asked for separately). {@code visibleProjects} is always applied: only decisions in
 * projects the caller may browse are ever returned or counted.
 *
 * @param overdueOn when set, only open decisions due before this day
 */
public record DecisionQuery(Set<String> visibleProjects, String project, String domain, String approverKey,
                            String driverKey, DecisionStatus status, LocalDate overdueOn) {

    public DecisionQuery {
        visibleProjects = Set.copyOf(visibleProjects);
    }
}
