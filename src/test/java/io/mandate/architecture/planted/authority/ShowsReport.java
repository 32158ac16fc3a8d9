package io.mandate.architecture.planted.authority;

import io.mandate.architecture.planted.accountability.Report;

/** Planted violation: another capability depends on accountability, which nothing but charter may depend on. */
public class ShowsReport {
    public double gini(Report report) {
        return report.gini();
    }
}
