package io.mandate.charter;

import java.util.List;
import java.util.Objects;

/**
 * A team's charter (product brief, "Team charter"): what the team is for, who is in it with which role, and the
 * decision domains it decides in (keys of Jira's domains). It lives in a Confluence space, whose view and edit
 * permissions are the charter's. Members are kept by user key.
 *
 * @param version the optimistic lock: 1 when created, one more with every change
 */
public record Charter(String teamKey, String name, String spaceKey, String purpose, List<Member> members,
                      List<String> domains, int version) {

    public Charter {
        Objects.requireNonNull(teamKey, "teamKey");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spaceKey, "spaceKey");
        members = List.copyOf(members);
        domains = List.copyOf(domains);
    }

    /** This charter at another version (what the store hands back after a write). */
    Charter withVersion(int newVersion) {
        return new Charter(teamKey, name, spaceKey, purpose, members, domains, newVersion);
    }

    /** A member of the team: a user (by key) and their role in it (free text, may be null). */
    public record Member(String userKey, String role) {
        public Member {
            Objects.requireNonNull(userKey, "userKey");
        }
    }
}
