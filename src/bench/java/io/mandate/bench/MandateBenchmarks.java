package io.mandate.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * The in-process paths of targets.md, on the host of {@link Fixture#current} (JMH runs in this JVM: forks 0). Modes,
 * iterations and times are set by {@link Bench} (properties {@code bench.jmh.*}); the annotations are defaults.
 */
public class MandateBenchmarks {

    /** Which of the fixture's issues the next call uses: each call takes the next one (100 issues with a decision). */
    @State(Scope.Thread)
    public static class Issues {
        Fixture fixture;
        int next;

        @Setup
        public void setUp() {
            fixture = Fixture.current;
        }

        int next() {
            return next++;
        }
    }

    @State(Scope.Benchmark)
    public static class Host {
        Fixture fixture;
        LocalDate today;

        @Setup
        public void setUp() {
            fixture = Fixture.current;
            today = LocalDate.now(io.mandate.refhost.sal.RefTimeZoneManager.fromSystemProperty().getDefaultTimeZone().toZoneId());
        }
    }

    /** Effective authority over one issue: the matched domains, each one's effective authority today, its people. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object authority(Issues issues) {
        return issues.fixture.issueAuthority(issues.next());
    }

    /** The issue view's right column server-side: the decision and the authority panels (context providers + Velocity). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object panels(Issues issues) {
        return issues.fixture.panels(issues.next());
    }

    /** The accountability report of the project whose decision count is closest to 1,000. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object reportProject(Host host) {
        return host.fixture.reportProject();
    }

    /** The accountability report of the whole instance, as the administrator. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object reportAll(Host host) {
        return host.fixture.reportAll();
    }

    /**
     * What the whole-instance report asks of the host, alone: every decision's issue judged (looked up and checked
     * for browsing, issue security included) as the administrator, 1,000 a call ({@link Fixture#hostJudging}).
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long hostJudging(Host host) {
        return host.fixture.hostJudging();
    }

    /** The same aggregation written by hand in SQL over JDBC ({@link Sql}). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long reportSql(Host host) throws SQLException {
        try (Connection c = host.fixture.jira.database().dataSource().getConnection()) {
            return Sql.wholeInstance(c, host.today);
        }
    }
}
