package io.mandate.authority;

import io.mandate.decision.DecisionStore;
import io.mandate.platform.AuditLog;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.Principal;
import io.mandate.platform.UserDirectory;
import io.mandate.testing.FixedClock;
import io.mandate.testing.Seams;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A real {@link AuthorityService} (caches, resolution) over stores and directories held in memory: the matrix a
 * unit test writes into {@link #domains}, {@link #grants}, {@link #absences}, {@link #groups} before its first read.
 * Today is 2026-11-20 in UTC.
 */
final class MatrixFixture {

    static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    final Map<String, Domain> domains = new LinkedHashMap<>();
    final Map<String, List<Grant>> grants = new HashMap<>();
    final Map<String, List<Absence>> absences = new HashMap<>();
    final Map<String, List<Person>> groups = new HashMap<>();
    final Map<String, Person> people = new HashMap<>();
    /** Keys of users the host has deactivated. */
    final Set<String> inactive = new java.util.HashSet<>();
    Person current;
    /** How often the host was asked whether a user is active. */
    final java.util.concurrent.atomic.AtomicInteger activeChecks = new java.util.concurrent.atomic.AtomicInteger();
    final AuthorityService service;
    private long nextId = 1;

    MatrixFixture() {
        DomainStore domainStore = mock(DomainStore.class);
        GrantStore grantStore = mock(GrantStore.class);
        AbsenceStore absenceStore = mock(AbsenceStore.class);
        when(domainStore.all()).thenAnswer(i -> new ArrayList<>(domains.values()));
        when(grantStore.ofDomain(anyString())).thenAnswer(i -> grants.getOrDefault(i.<String>getArgument(0), List.of()));
        when(absenceStore.of(anyString())).thenAnswer(i -> absences.getOrDefault(i.<String>getArgument(0), List.of()));
        UserDirectory users = mock(UserDirectory.class);
        when(users.byKey(anyString())).thenAnswer(i -> Optional.ofNullable(people.get(i.<String>getArgument(0))));
        when(users.isActive(any())).thenAnswer(i -> {
            activeChecks.incrementAndGet();
            return !inactive.contains(i.<Person>getArgument(0).key());
        });
        when(users.currentUser()).thenAnswer(i -> Optional.ofNullable(current));
        GroupDirectory directory = new GroupDirectory() {
            @Override
            public List<Person> membersOf(String group) {
                return groups.getOrDefault(group, List.of());
            }

            @Override
            public Set<String> groupsOf(String userKey) {
                Set<String> in = new java.util.TreeSet<>();
                groups.forEach((g, members) -> {
                    if (members.stream().anyMatch(p -> p.key().equals(userKey))) {
                        in.add(g);
                    }
                });
                return in;
            }
        };
        service = new AuthorityService(domainStore, grantStore, absenceStore, mock(DecisionStore.class), mock(IssueAccess.class),
                new People(users), directory, FixedClock.utc(Instant.parse("2026-11-20T10:00:00Z")), mock(AuditLog.class),
                Seams.caches());
    }

    Person person(String name, String displayName) {
        Person p = new Person("k-" + name, name, displayName);
        people.put(p.key(), p);
        return p;
    }

    /** Jira deactivates the user: they stay, inactive. */
    void deactivate(Person who) {
        inactive.add(who.key());
    }

    /** Jira deletes the user: their key stays in the matrix, the host no longer knows it. */
    void delete(Person who) {
        people.remove(who.key());
        groups.replaceAll((g, members) -> members.stream().filter(p -> !p.key().equals(who.key())).toList());
    }

    void group(String name, Person... members) {
        groups.put(name, List.of(members));
    }

    void domain(String key, String name, DomainScope scope) {
        domains.put(key, new Domain(key, name, null, scope, 1));
    }

    static DomainScope projects(String... keys) {
        return new DomainScope(List.of(keys), List.of(), List.of(), List.of(), List.of());
    }

    Grant grant(String domain, Principal holder, Level level, String backupKey, String menteeKey, LocalDate from, LocalDate to) {
        Grant g = new Grant(nextId++, domain, holder, level, backupKey, menteeKey, from, to, null, 1);
        grants.computeIfAbsent(domain, k -> new ArrayList<>()).add(g);
        return g;
    }

    Grant grant(String domain, Person holder, Level level) {
        return grant(domain, Principal.user(holder.key()), level, null, null, null, null);
    }

    Grant groupGrant(String domain, String group, Level level) {
        return grant(domain, Principal.group(group), level, null, null, null, null);
    }

    void away(Person who, LocalDate from, LocalDate to) {
        absences.computeIfAbsent(who.key(), k -> new ArrayList<>()).add(new Absence(nextId++, who.key(), from, to, null));
    }
}
