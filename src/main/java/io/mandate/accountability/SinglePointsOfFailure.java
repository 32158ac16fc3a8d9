package io.mandate.accountability;

import java.util.Collection;
import java.util.List;

/**
 * Product brief, <b>single points of failure</b>: the domains of the scope in which exactly one person may
 * approve and that grant has no backup, or where that backup is the same person. How "that grant" is read when the
 * person approves through a group or through two grants: {@link DomainCoverage#isSinglePointOfFailure()}.
 */
public final class SinglePointsOfFailure {

    private SinglePointsOfFailure() {
    }

    /** The keys of the single points of failure among the scope's domains, sorted. */
    public static List<String> of(Collection<DomainCoverage> scopeDomains) {
        return scopeDomains.stream().filter(DomainCoverage::isSinglePointOfFailure)
                .map(DomainCoverage::domainKey).distinct().sorted().toList();
    }
}
