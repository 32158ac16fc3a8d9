package io.mandate.authority;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /authority/{issueKey}}: the issue's domain (or every domain of a tie) and who holds which authority
 * there today. People as {@code {"key","name","displayName"}}, holders with {@code "type"} first, groups as
 * {@code {"type":"group","name"}}.
 */
public record IssueAuthorityJson(String issueKey, boolean tie, List<DomainJson> domains) {

    public record DomainJson(String key, String name, String description, List<HolderJson> approvers,
                             List<HolderJson> coDeciders, List<HolderJson> consulted, List<HolderJson> told,
                             List<StandInJson> standIns, List<AwayJson> absent) {
    }

    /** A holder with the facts of the grant that counts: level, backup, mentee, last valid day. */
    public record HolderJson(Map<String, String> holder, int level, String levelName, Map<String, String> backup,
                             Map<String, String> mentee, String validTo) {
    }

    public record StandInJson(Map<String, String> holder, Map<String, String> backup, int level, String levelName,
                              String until) {
    }

    public record AwayJson(Map<String, String> user, String until) {
    }

    public static IssueAuthorityJson of(IssueAuthority a) {
        return new IssueAuthorityJson(a.issue().key(), a.tie(), a.domains().stream().map(IssueAuthorityJson::domain).toList());
    }

    private static DomainJson domain(IssueAuthority.DomainAuthority d) {
        return new DomainJson(d.key(), d.name(), d.description(), holders(d.approvers()), holders(d.coDeciders()),
                holders(d.consulted()), holders(d.told()),
                d.standIns().stream().map(s -> new StandInJson(PeopleJson.user(s.holder()), PeopleJson.user(s.backup()),
                        s.level().number(), s.level().name(), s.until().toString())).toList(),
                d.absent().stream().map(a -> new AwayJson(PeopleJson.user(a.person()), a.until().toString())).toList());
    }

    private static List<HolderJson> holders(List<IssueAuthority.Holder> holders) {
        return holders.stream().map(h -> new HolderJson(PeopleJson.holder(h.person(), h.group()), h.level().number(),
                h.level().name(), PeopleJson.user(h.backup()), PeopleJson.user(h.mentee()),
                h.validTo() == null ? null : h.validTo().toString())).toList();
    }
}
