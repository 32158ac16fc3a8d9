package io.mandate.accountability;

import io.mandate.platform.Person;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Product brief, <b>load per person</b>: the number of decisions in scope (any status) whose approver is that
 * person.
 *
 * @param user  the username (the stored key of a user the host no longer has)
 * @param count the load, ≥ 0
 * @param state whether the person is active, deactivated or deleted: decisions keep their approver when the host's
 *              user goes, and the load says so ({@link AccountabilityReport#withStates})
 */
public record Load(String user, long count, Person.State state) {

    /** The report's order: the heaviest load first, equal loads by username. */
    public static final Comparator<Load> HEAVIEST_FIRST =
            Comparator.comparingLong(Load::count).reversed().thenComparing(Load::user);

    /** An active person's load. */
    public Load(String user, long count) {
        this(user, count, Person.State.ACTIVE);
    }

    public Load {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(state, "state");
        if (count < 0) {
            throw new IllegalArgumentException("a load is never negative: " + count);
        }
    }

    /**
     * The load of every person of the population P, sorted {@link #HEAVIEST_FIRST}. Product brief: P = approvers
     * of decisions in scope ∪ people with effective level ≥ 5 in a domain of the scope (groups expanded); a person
     * of P who approved nothing has load 0 and is listed with 0, so the report's load list is exactly the
     * population its Gini and top share are computed over.
     *
     * @param approvals     approver username → number of decisions in scope they approve
     * @param mayApprove    the approvers of the scope's domains today ({@link DomainCoverage#approvers()})
     */
    public static List<Load> perPerson(Map<String, Long> approvals, Collection<String> mayApprove) {
        Map<String, Long> all = new HashMap<>(approvals);
        mayApprove.forEach(p -> all.putIfAbsent(p, 0L));
        List<Load> loads = new ArrayList<>();
        all.forEach((user, count) -> loads.add(new Load(user, count)));
        loads.sort(HEAVIEST_FIRST);
        return List.copyOf(loads);
    }

    /** The Gini of these loads. */
    public static Gini gini(Collection<Load> loads) {
        return Gini.of(loads.stream().mapToLong(Load::count).toArray());
    }

    /** Product brief, <b>top share</b>: max load / total load; 0 when the total is 0 (or there is nobody). */
    public static double topShare(Collection<Load> loads) {
        long total = 0;
        long max = 0;
        for (Load l : loads) {
            total = Math.addExact(total, l.count);
            max = Math.max(max, l.count);
        }
        return total == 0 ? 0.0 : (double) max / total;
    }
}
