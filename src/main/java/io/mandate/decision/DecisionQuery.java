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
 * @param reviewDueOn when set, only DECIDED decisions whose review date is before this day (due for review)
 */
public record DecisionQuery(Set<Long> visibleProjects, Long project, String domain, String approverKey,
                            String driverKey, DecisionStatus status, LocalDate overdueOn, LocalDate reviewDueOn) {

    /** A query without the "due for review" filter. */
    public DecisionQuery(Set<Long> visibleProjects, Long project, String domain, String approverKey,
                         String driverKey, DecisionStatus status, LocalDate overdueOn) {
        this(visibleProjects, project, domain, approverKey, driverKey, status, overdueOn, null);
    }

    public DecisionQuery {
        visibleProjects = Set.copyOf(visibleProjects);
    }
}
