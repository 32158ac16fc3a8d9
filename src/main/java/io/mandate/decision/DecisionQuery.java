package io.mandate.decision;

import java.time.LocalDate;
import java.util.Set;

/**
 * A filtered, paged read of decisions, by project id. {@code visibleProjects} is always applied: only
 * decisions in projects the caller may browse are ever returned or counted (rows whose project id is not
 * stored yet are candidates too; the caller checks every issue by id). Issue security is not a project
 * matter: the caller checks each issue.
 *
 * @param project   when set, only decisions in the project with this id
 * @param overdueOn when set, only open decisions due before this day
 */
public record DecisionQuery(Set<Long> visibleProjects, Long project, String domain, String approverKey,
                            String driverKey, DecisionStatus status, LocalDate overdueOn) {

    public DecisionQuery {
        visibleProjects = Set.copyOf(visibleProjects);
    }
}
