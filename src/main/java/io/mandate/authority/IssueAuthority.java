package io.mandate.authority;

import io.mandate.platform.IssueRef;
import io.mandate.platform.Person;
import io.mandate.platform.Principal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who holds which authority over one issue, as plain values: the issue's domain by the scope rules (or every
 * domain of a tie), and per domain the people and groups who may approve, decide together, must be consulted or
 * are told, the stand-ins for holders away today and who is away. Free of JSON and HTTP, so the REST resource
 * ({@code GET /authority/{issueKey}}) and the issue's authority panel show the same facts.
 *
 * <p>Built from {@link AuthorityService#match} and {@link AuthorityService#authorityIn} only: the cached domains
 * and the cached grants of the winning domains, plus one cached absence lookup per user holder — never all grants.
 *
 * <p>Each holder (user or group) is listed once, under its strongest valid grant in the domain: a person with
 * both ADVISE and CONSULT is an approver, not also consulted.
 */
public record IssueAuthority(IssueRef issue, boolean tie, List<DomainAuthority> domains) {

    public IssueAuthority {
        domains = List.copyOf(domains);
    }

    /** A holder of a valid grant: a user ({@code person} set) or a group ({@code group} set), with the grant's facts. */
    public record Holder(Principal principal, Person person, String group, Level level, Person backup, Person mentee,
                         LocalDate validTo, long grantId) {
        public boolean isUser() {
            return principal.isUser();
        }
    }

    /** A backup standing in for {@code holder} (away) until {@code until}, inclusive. */
    public record StandIn(Person holder, Person backup, Level level, LocalDate until) {
    }

    /** A user holder who is away today, until {@code until} inclusive. */
    public record Away(Person person, LocalDate until) {
    }

    /** The facts of one domain. */
    public record DomainAuthority(String key, String name, String description, List<Holder> approvers,
                                  List<Holder> coDeciders, List<Holder> consulted, List<Holder> told,
                                  List<StandIn> standIns, List<Away> absent) {
        public DomainAuthority {
            approvers = List.copyOf(approvers);
            coDeciders = List.copyOf(coDeciders);
            consulted = List.copyOf(consulted);
            told = List.copyOf(told);
            standIns = List.copyOf(standIns);
            absent = List.copyOf(absent);
        }
    }

    /** The authority over the issue as the matrix says today. */
    public static IssueAuthority of(IssueRef issue, AuthorityService authority) {
        DomainMatch match = authority.match(issue);
        Function<String, Person> person = authority::stored;
        LocalDate today = authority.today();
        List<DomainAuthority> result = new ArrayList<>();
        for (String key : match.winners()) {
            Optional<Domain> domain = authority.domain(key);
            if (domain.isEmpty()) {
                continue; // deleted between the match and now
            }
            result.add(of(domain.get(), authority.authorityIn(key), person, user -> authority.awayUntil(user, today)));
        }
        return new IssueAuthority(issue, result.size() > 1, result);
    }

    /** One domain's facts from its effective authority today. */
    static DomainAuthority of(Domain domain, EffectiveAuthority in, Function<String, Person> person,
                              Function<String, Optional<LocalDate>> awayUntil) {
        // strongest grant first, so the first grant of each holder is the one that counts
        Map<Principal, Grant> strongest = new LinkedHashMap<>();
        for (Grant g : in.validGrants()) {
            strongest.putIfAbsent(g.holder(), g);
        }
        List<Holder> approvers = new ArrayList<>();
        List<Holder> coDeciders = new ArrayList<>();
        List<Holder> consulted = new ArrayList<>();
        List<Holder> told = new ArrayList<>();
        List<Away> absent = new ArrayList<>();
        for (Grant g : strongest.values()) {
            Holder h = new Holder(g.holder(), g.holder().isUser() ? person.apply(g.holder().id()) : null,
                    g.holder().isUser() ? null : g.holder().id(), g.level(), person.apply(g.backupKey()),
                    person.apply(g.menteeKey()), g.validTo(), g.id());
            if (g.level().mayApprove()) {
                approvers.add(h);
            } else if (g.level() == Level.AGREE) {
                coDeciders.add(h);
            } else if (g.level() == Level.CONSULT) {
                consulted.add(h);
            } else {
                told.add(h);
            }
            if (g.holder().isUser()) {
                awayUntil.apply(g.holder().id()).ifPresent(until -> absent.add(new Away(h.person(), until)));
            }
        }
        List<StandIn> standIns = in.standIns().stream()
                .map(s -> new StandIn(person.apply(s.grant().holder().id()), person.apply(s.backupKey()), s.grant().level(), s.until()))
                .toList();
        return new DomainAuthority(domain.key(), domain.name(), domain.description(), approvers, coDeciders, consulted,
                told, standIns, absent);
    }
}
