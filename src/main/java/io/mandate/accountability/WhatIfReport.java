package io.mandate.accountability;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of {@link WhatIf#of}: every list sorted (domain keys by key, people by username, issue keys by project
 * key then issue number), maps ordered by domain key. The rules behind each field are on {@link WhatIf}.
 *
 * @param absent           the people taken as away, sorted, without duplicates
 * @param alreadyUncovered domains where nobody may approve even with everybody present (not caused by the absence)
 * @param stalled          domains covered today where nobody may approve once the absent are away
 * @param coveredByBackup  domains still covered only because backups of absent holders stand in: domain → the
 *                         stand-ins (holder, backup)
 * @param coDecidersLost   AGREE domains losing co-deciders: domain → the absent co-deciders (usernames)
 * @param decisionsWaiting open decisions whose approver is absent, issue keys
 */
public record WhatIfReport(List<String> absent, List<String> alreadyUncovered, List<String> stalled,
                           Map<String, List<StandIn>> coveredByBackup, Map<String, List<String>> coDecidersLost,
                           List<String> decisionsWaiting) {

    /** A backup standing in for an absent holder of an approving user grant. */
    public record StandIn(String holder, String backup) {
        static final Comparator<StandIn> ORDER = Comparator.comparing(StandIn::holder).thenComparing(StandIn::backup);

        public StandIn {
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(backup, "backup");
        }
    }

    public WhatIfReport {
        absent = List.copyOf(absent);
        alreadyUncovered = List.copyOf(alreadyUncovered);
        stalled = List.copyOf(stalled);
        coveredByBackup = Collections.unmodifiableMap(new LinkedHashMap<>(coveredByBackup));
        coDecidersLost = Collections.unmodifiableMap(new LinkedHashMap<>(coDecidersLost));
        decisionsWaiting = List.copyOf(decisionsWaiting);
    }
}
