package io.mandate.decision;

import java.util.List;

/** One page of decisions and the total that matched. */
public record DecisionPage(int startAt, int maxResults, int total, List<Decision> values) {
    public DecisionPage {
        values = List.copyOf(values);
    }
}
