package io.mandate.architecture.planted.accountability;

/** Planted: a class of the accountability capability (the target of {@code authority.ShowsReport}). */
public class Report {
    public double gini() {
        return 0.0;
    }
}
