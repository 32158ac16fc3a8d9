package io.mandate.accountability;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One point of the <b>distribution index</b> trend (product brief: 1 − Gini, shown as a trend per month). Issue 8
 * fixes the trend: for each of the last 12 calendar months (ending with the current month, in the product's time
 * zone), 1 − Gini over the approver load of the scope's decisions created in that month, with the population as
 * for the Gini and the authority as of today.
 *
 * <p>Taken here: "population as for the Gini" is applied to the month — the approvers of <em>that month's</em>
 * decisions ∪ the people who may approve in a domain of the scope today (with load 0 unless they approved that
 * month). Someone who approved in March and holds no authority today is in March's population, not in June's.
 * A month without decisions has all loads 0, so Gini 0 and index 1 by the definition; {@code decisions} = 0 lets a
 * chart show that month as empty rather than as perfectly spread.
 *
 * @param month             the calendar month
 * @param decisions         how many of the scope's decisions were created in it
 * @param distributionIndex 1 − Gini of that month's approver load
 */
public record MonthIndex(YearMonth month, long decisions, double distributionIndex) {
    public MonthIndex {
        Objects.requireNonNull(month, "month");
    }
}
