package io.mandate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mandate.refhost.RefHost;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code mvn -Pbench}: every row of targets.md's performance table, measured on the reference host started in this
 * JVM on generated datasets in PostgreSQL, printed and saved to {@code target/bench/results.json} and
 * {@code results.csv}, with the plot of report time against dataset size (docs/benchmarks.md says how to run it and
 * what each figure is).
 *
 * <p>Properties (all optional): {@code bench.sizes} (S; e.g. S,M,L), {@code bench.db.url} (a PostgreSQL server,
 * {@code jdbc:postgresql://host:port/}; each dataset gets its database {@code mandate_bench_<size>}, generated on
 * first use; without it a throwaway embedded PostgreSQL), {@code bench.db.user}, {@code bench.db.password},
 * {@code bench.port} (0: any free port), the JMH iterations {@code bench.jmh.warmup} / {@code bench.jmh.iterations}
 * of {@code bench.jmh.time} seconds each, {@code bench.report.warmup} / {@code bench.report.iterations} (single
 * shots of the whole-instance report and its SQL), {@code bench.http} (true), {@code bench.http.size} (the last of
 * bench.sizes), {@code bench.http.warmup} (seconds of load before measuring, 180), {@code bench.http.duration}
 * (seconds per measured endpoint, 30), {@code bench.http.connections} (32), {@code bench.http.threads} (2),
 * {@code bench.csv} (true), {@code bench.start.runs} (5), {@code bench.out} (target/bench), {@code bench.plot}.
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> results = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> bySize = new LinkedHashMap<>();
    private final List<String[]> csv = new ArrayList<>();
    private String serverUrl;
    private final String dbUser = System.getProperty("bench.db.user", "postgres");
    private final String dbPassword = System.getProperty("bench.db.password", "");
    private final File out = new File(System.getProperty("bench.out", "target/bench"));

    public static void main(String[] args) throws Exception {
        try {
            new Bench().run();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        out.mkdirs();
        String replot = System.getProperty("bench.replot", "");
        if (!replot.isBlank()) {
            // -Dbench.replot=<results.json>: only draw the plot again from saved results
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> sizes = (Map<String, Map<String, Object>>) JSON.readValue(new File(replot), Map.class).get("sizes");
            bySize.putAll(sizes);
            plot();
            return;
        }
        List<String> sizes = List.of(System.getProperty("bench.sizes", "S").toUpperCase(Locale.ROOT).split("\\s*,\\s*"));
        String httpSize = System.getProperty("bench.http.size", sizes.get(sizes.size() - 1)).toUpperCase(Locale.ROOT);
        EmbeddedPostgres embedded = null;
        String given = System.getProperty("bench.db.url", "");
        if (given.isBlank()) {
            System.out.println("[bench] no -Dbench.db.url: starting a throwaway embedded PostgreSQL");
            embedded = EmbeddedPostgres.builder().start();
            serverUrl = "jdbc:postgresql://localhost:" + embedded.getPort() + "/";
        } else {
            serverUrl = given.replaceFirst("^(jdbc:postgresql://[^/?]+).*$", "$1/");
        }
        results.put("machine", machine());
        results.put("settings", settings(sizes, httpSize));
        results.put("sizes", bySize);
        try {
            for (String size : sizes) {
                Map<String, Object> r = new LinkedHashMap<>();
                bySize.put(size, r);
                measure(size, r, size.equals(httpSize) && Boolean.parseBoolean(System.getProperty("bench.http", "true")));
                save();
            }
            merge();
            results.put("pluginStart", pluginStart());
            results.put("goals", goals());
            results.put("finished", Instant.now().toString());
            save();
            plot();
            printGoals();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /**
     * {@code -Dbench.merge=<an earlier results.json>}: the datasets this run did not measure are taken from that file
     * (marked {@code fromEarlierRun}) for the goals and the plot, e.g. S and M from one run and L from another.
     */
    @SuppressWarnings("unchecked")
    private void merge() throws Exception {
        String merge = System.getProperty("bench.merge", "");
        if (merge.isBlank()) {
            return;
        }
        Map<String, Object> earlier = JSON.readValue(new File(merge), Map.class);
        Map<String, Map<String, Object>> sizes = (Map<String, Map<String, Object>>) earlier.get("sizes");
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        for (String k : List.of("S", "M", "L")) {
            if (bySize.containsKey(k)) {
                all.put(k, bySize.get(k));
            } else if (sizes.containsKey(k)) {
                Map<String, Object> m = new LinkedHashMap<>(sizes.get(k));
                m.put("fromEarlierRun", merge + " (started " + ((Map<String, Object>) earlier.get("machine")).get("date") + ")");
                all.put(k, m);
            }
        }
        bySize.clear();
        bySize.putAll(all);
        results.put("mergedFrom", merge);
    }

    // ---------------------------------------------------------------- one dataset

    private Fixture start(String size) throws Exception {
        String dbUrl = database("mandate_bench_" + size.toLowerCase(Locale.ROOT), false);
        log("dataset " + size + " in " + dbUrl + " (generated on first use), load " + load());
        File data = Files.createTempDirectory("bench-data").toFile();
        RefHost host = RefHost.start(new RefHost.Settings(Integer.getInteger("bench.port", 0), data, dbUrl, dbUser, dbPassword,
                new File(System.getProperty("mandate.jar", "target/mandate-0.1.0-SNAPSHOT.jar")),
                new File(System.getProperty("mandate.aui", "target/aui")), size, RefHost.Settings.DEFAULT_SEED));
        Fixture f = new Fixture(size, host);
        Fixture.current = f;
        return f;
    }

    /**
     * Runs {@code work} for at most {@code budget} seconds. Past it, the host is closed (which ends the work: its
     * connections go) and started again on the same dataset; the returned fixture is the one to go on with.
     */
    private Fixture guarded(String what, Fixture f, int budget, Map<String, Object> r, java.util.concurrent.Callable<?> work)
            throws Exception {
        java.util.concurrent.FutureTask<?> task = new java.util.concurrent.FutureTask<>(work);
        Thread thread = new Thread(task, "bench-" + what);
        thread.start();
        try {
            task.get(budget, java.util.concurrent.TimeUnit.SECONDS);
            return f;
        } catch (java.util.concurrent.TimeoutException e) {
            log(what + " did not finish within " + budget + " s: closing the host to stop it, then starting it again");
            r.put(what + "OverBudgetSeconds", budget);
            f.close();
            thread.join(180_000);
            return start(f.dataset);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }

    private void measure(String size, Map<String, Object> r, boolean http) throws Exception {
        long t0 = System.nanoTime();
        Fixture f = start(size);
        r.put("hostStartMs", (System.nanoTime() - t0) / 1_000_000);
        try {
            r.put("decisions", f.allDecisions);
            r.put("reportProjectKey", f.reportProject);
            r.put("reportProjectDecisions", f.reportProjectDecisions);
            r.put("issuesUsed", f.issueKeys.size());
            r.put("loadBefore", load());
            int wi = Integer.getInteger("bench.jmh.warmup", 5);
            int mi = Integer.getInteger("bench.jmh.iterations", 5);
            int t = Integer.getInteger("bench.jmh.time", 2);
            int rw = Integer.getInteger("bench.report.warmup", 3);
            int rm = Integer.getInteger("bench.report.iterations", 5);
            record(size, r, new Runner(timed("authority|panels", size + "-fast", wi, t, mi, t)).run());
            // the project report: one call within a budget first; JMH's iterations only if they fit in it
            int projectBudget = Integer.getInteger("bench.project.budget", 300);
            Map<String, Object> probe = new LinkedHashMap<>();
            Fixture probed = f;
            f = guarded("reportProject", f, projectBudget, probe, () -> {
                long p0 = System.nanoTime();
                probed.reportProject();
                probe.put("firstCallMs", (System.nanoTime() - p0) / 1_000_000);
                return null;
            });
            if (probe.get("firstCallMs") instanceof Number ms && ms.longValue() * (wi + mi) <= projectBudget * 1000L) {
                record(size, r, new Runner(timed("reportProject", size + "-project", wi, t, mi, t)).run());
            } else {
                Map<String, Object> m = new LinkedHashMap<>(probe);
                m.put("mode", "one call (over the budget for JMH's warm-up and iterations)");
                m.put("samples", probe.containsKey("firstCallMs") ? 1 : 0);
                if (probe.get("firstCallMs") instanceof Number ms) {
                    m.put("meanMs", ms.doubleValue());
                } else {
                    m.put("atLeastMs", projectBudget * 1000.0);
                }
                m.put("budgetSeconds", projectBudget);
                r.put("reportProject", m);
            }
            record(size, r, new Runner(shots("reportSql|hostJudging", size + "-sql", rw, rm)).run());
            save();
            if (http) {
                http(f, r);
                save();
            }
            String csvSize = System.getProperty("bench.csv.size", System.getProperty("bench.http.size", lastSize()));
            if (Boolean.parseBoolean(System.getProperty("bench.csv", "true")) && size.equalsIgnoreCase(csvSize)) {
                Map<String, Object> m = new LinkedHashMap<>();
                r.put("csvImport", m);
                backupMatrix(f, true);
                Fixture before = f;
                f = guarded("csvImport", f, Integer.getInteger("bench.csv.budget", 600), m, () -> {
                    csvImport(before, m);
                    return null;
                });
                backupMatrix(f, false);
                log("CSV import: " + m);
                save();
            }
            // the whole-instance report: first one call with the heap sampled, within a budget; then JMH if it fits
            int budget = Integer.getInteger("bench.report.budget", 900);
            Map<String, Object> heap = new LinkedHashMap<>();
            r.put("reportAllHeap", heap);
            Fixture current = f;
            f = guarded("reportAll", f, budget, heap, () -> {
                heap(current, heap);
                return null;
            });
            save();
            if (heap.get("reportMs") instanceof Number ms && ms.longValue() * (rw + rm) <= budget * 1000L) {
                record(size, r, new Runner(shots("reportAll", size + "-reports", rw, rm)).run());
            } else {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("mode", "one call (over the budget for JMH's warm-up and iterations)");
                m.put("samples", heap.containsKey("reportMs") ? 1 : 0);
                if (heap.get("reportMs") instanceof Number ms) {
                    m.put("meanMs", ms.doubleValue());
                } else {
                    m.put("atLeastMs", budget * 1000.0);
                }
                m.put("budgetSeconds", budget);
                r.put("reportAll", m);
            }
            if (heap.get("reportMs") != null) {
                // the same measurement once more, warm: the first call also filled the host's and the plugin's caches
                // (every user's groups, every domain's authority), which stay for every later report
                Map<String, Object> warm = new LinkedHashMap<>();
                warm.put("label", "reportAllHeapWarm");
                r.put("reportAllHeapWarm", warm);
                Fixture measured = f;
                f = guarded("reportAllWarm", f, budget, warm, () -> {
                    heap(measured, warm);
                    return null;
                });
                save();
            }
            r.put("loadAfter", load());
        } finally {
            Fixture.current = null;
            f.close();
        }
    }

    private Options timed(String names, String file, int wi, int wt, int mi, int mt) {
        return new OptionsBuilder().include(MandateBenchmarks.class.getName() + "\\.(" + names + ")$")
                .forks(0).threads(1).warmupIterations(wi).warmupTime(TimeValue.seconds(wt))
                .measurementIterations(mi).measurementTime(TimeValue.seconds(mt)).shouldFailOnError(true)
                .result(new File(out, "jmh-" + file + ".json").getPath())
                .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON).build();
    }

    private Options shots(String names, String file, int wi, int mi) {
        return new OptionsBuilder().include(MandateBenchmarks.class.getName() + "\\.(" + names + ")$")
                .forks(0).threads(1).warmupIterations(wi).measurementIterations(mi).shouldFailOnError(true)
                .result(new File(out, "jmh-" + file + ".json").getPath())
                .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON).build();
    }

    private void record(String size, Map<String, Object> r, Collection<RunResult> runs) {
        for (RunResult run : runs) {
            String name = run.getParams().getBenchmark().replaceFirst(".*\\.", "");
            Statistics s = run.getPrimaryResult().getStatistics();
            String unit = run.getPrimaryResult().getScoreUnit();
            double toMs = unit.startsWith("us") ? 0.001 : unit.startsWith("ns") ? 1e-6 : unit.startsWith("s/") ? 1000 : 1;
            boolean single = run.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SingleShotTime;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mode", run.getParams().getMode().shortLabel());
            m.put("samples", s.getN());
            m.put("meanMs", s.getMean() * toMs);
            m.put("p50Ms", s.getPercentile(50) * toMs);
            m.put("p95Ms", s.getPercentile(95) * toMs);
            m.put("p99Ms", s.getPercentile(99) * toMs);
            m.put("minMs", s.getMin() * toMs);
            m.put("maxMs", s.getMax() * toMs);
            m.put("warmup", run.getParams().getWarmup().getCount() + " x " + (single ? "1 call" : run.getParams().getWarmup().getTime()));
            m.put("measurement", run.getParams().getMeasurement().getCount() + " x "
                    + (single ? "1 call" : run.getParams().getMeasurement().getTime()));
            r.put(name, m);
            for (String k : List.of("meanMs", "p50Ms", "p95Ms", "p99Ms", "maxMs")) {
                csv.add(new String[]{size, name, k, String.format(Locale.ROOT, "%.4f", (double) m.get(k))});
            }
        }
    }

    /**
     * The heap the whole-instance report holds: the live heap (what survives a collection) above a post-GC baseline —
     * the most after any collection during the call, and after one with the report still referenced at the end. Also
     * the peak of the used heap sampled every 2 ms, which counts garbage not yet collected (G1 lets the young
     * generation fill before it collects, so this follows the allocation rate, not what is held), and the bytes
     * allocated.
     */
    private void heap(Fixture f, Map<String, Object> m) throws Exception {
        String label = String.valueOf(m.getOrDefault("label", "reportAllHeap"));
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        Thread.sleep(300);
        System.gc();
        Thread.sleep(300);
        long base = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(base);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long gcCount0 = gcCount();
        m.put("baselineMb", base / 1048576.0);
        AtomicLong liveAfterGc = new AtomicLong(base);
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .forEach(p -> heapPools.add(p.getName()));
        List<Runnable> unsubscribe = new ArrayList<>();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof javax.management.NotificationEmitter emitter) {
                javax.management.NotificationListener listener = (n, h) -> {
                    if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData());
                        // the heap's pools only: the map also holds metaspace and the code cache
                        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(e -> heapPools.contains(e.getKey()))
                                .mapToLong(e -> e.getValue().getUsed()).sum();
                        liveAfterGc.accumulateAndGet(used, Math::max);
                    }
                };
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }
        sampler.start();
        long a0 = threads.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        Object report = null;
        try {
            report = f.reportAll();
            m.put("reportMs", (System.nanoTime() - t0) / 1_000_000);
        } finally {
            long allocated = threads.getCurrentThreadAllocatedBytes() - a0;
            running.set(false);
            sampler.join();
            System.gc(); // the report is still referenced: what it holds counts
            Thread.sleep(300);
            liveAfterGc.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            m.put("reportHeld", report != null);
            unsubscribe.forEach(Runnable::run);
            m.put("liveGrowthMb", (liveAfterGc.get() - base) / 1048576.0);
            m.put("peakGrowthMb", (peak.get() - base) / 1048576.0);
            m.put("allocatedMb", allocated / 1048576.0);
            m.put("gcsDuring", gcCount() - gcCount0);
            m.put("maxHeapMb", memory.getHeapMemoryUsage().getMax() / 1048576.0);
            m.put("finished", m.containsKey("reportMs"));
            csv.add(new String[]{f.dataset, label, "liveGrowthMb", String.format(Locale.ROOT, "%.1f", (double) m.get("liveGrowthMb"))});
            csv.add(new String[]{f.dataset, label, "peakGrowthMb", String.format(Locale.ROOT, "%.1f", (double) m.get("peakGrowthMb"))});
            csv.add(new String[]{f.dataset, label, "allocatedMb", String.format(Locale.ROOT, "%.1f", (double) m.get("allocatedMb"))});
        }
        log("heap during the whole-instance report: " + m);
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionCount())).sum();
    }

    /**
     * The matrix CSV import through the plugin's {@code MatrixImport} (what the upload endpoint calls), as admin: a file
     * of up to 50,000 grant lines over the dataset's domains and active users that replaces every domain's grants. First
     * the same file with a bad last line (refused: nothing may change), then the file itself; afterwards the matrix
     * tables are put back from a copy taken before, so the dataset stays as generated.
     */
    private void csvImport(Fixture f, Map<String, Object> m) throws Exception {
        List<String> domains = new ArrayList<>();
        List<String> users = new ArrayList<>();
        try (Connection c = f.jira.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT \"DOMAIN_KEY\" FROM \"AO_3BD0E8_DOMAIN\" ORDER BY \"DOMAIN_KEY\"")) {
                while (rs.next()) {
                    domains.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT username FROM host_user WHERE active AND username LIKE 'u%' ORDER BY username")) {
                while (rs.next()) {
                    users.add(rs.getString(1));
                }
            }
        }
        String[] levels = {"TELL", "SELL", "CONSULT", "AGREE", "ADVISE", "INQUIRE", "DELEGATE"};
        int rows = (int) Math.min(50_000L, (long) domains.size() * users.size());
        int perDomain = (rows + domains.size() - 1) / domains.size();
        StringBuilder file = new StringBuilder("domain,holder_type,holder,level,backup,mentee,valid_from,valid_to,note\n");
        int written = 0;
        for (int d = 0; d < domains.size() && written < rows; d++) {
            for (int k = 0; k < perDomain && written < rows; k++) {
                String user = users.get((d * 7 + k) % users.size());
                file.append(domains.get(d)).append(",user,").append(user).append(',').append(levels[(d + k) % levels.length])
                        .append(",,,,,bench import\n");
                written++;
            }
        }
        byte[] good = file.toString().getBytes(StandardCharsets.UTF_8);
        String badText = file.substring(0, file.lastIndexOf(",bench import\n")) + ",bench import\n";
        badText = badText.substring(0, badText.lastIndexOf('\n', badText.length() - 2) + 1)
                + domains.get(0) + ",user," + users.get(0) + ",NOT_A_LEVEL,,,,,bench import\n";
        byte[] bad = badText.getBytes(StandardCharsets.UTF_8);
        m.put("rows", written);
        m.put("bytes", good.length);
        m.put("domains", domains.size());
        {
            String before = matrixFingerprint(f);
            long t0 = System.nanoTime();
            Object refused = f.importCsv(bad, false);
            m.put("refusedMs", (System.nanoTime() - t0) / 1_000_000);
            m.put("refusedApplied", Fixture.get(refused, "applied"));
            m.put("refusedErrors", ((List<?>) Fixture.get(refused, "errors")).size());
            m.put("unchangedAfterRefusal", before.equals(matrixFingerprint(f)));
            t0 = System.nanoTime();
            m.put("importStarted", Instant.now().toString());
            Object result = f.importCsv(good, false);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            m.put("importMs", ms);
            m.put("applied", Fixture.get(result, "applied"));
            m.put("errors", ((List<?>) Fixture.get(result, "errors")).size());
            Object summary = Fixture.get(result, "summary");
            m.put("summary", summary == null ? null : String.valueOf(summary).replaceAll(", domains=\\[.*\\]", ""));
            csv.add(new String[]{f.dataset, "csvImport", "importMs", String.valueOf(ms)});
            csv.add(new String[]{f.dataset, "csvImport", "rows", String.valueOf(written)});
        }
    }

    private static String matrixFingerprint(Fixture f) throws SQLException {
        try (Connection c = f.jira.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM \"AO_3BD0E8_AUTH_GRANT\") || '/' || (SELECT COALESCE(MAX(\"ID\"), 0)"
                     + " FROM \"AO_3BD0E8_AUTH_GRANT\") || '/' || (SELECT COUNT(*) FROM \"AO_3BD0E8_MATRIX_AUDIT\") || '/'"
                     + " || (SELECT SUM(\"VERSION\" + \"GRANTS_REVISION\") FROM \"AO_3BD0E8_DOMAIN\")")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Copies the matrix tables aside ({@code save}), or puts them back and drops the copies, then empties the host's caches. */
    private static void backupMatrix(Fixture f, boolean save) throws SQLException {
        try (Connection c = f.jira.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            if (save) {
                s.execute("DROP TABLE IF EXISTS bench_grant, bench_domain, bench_matrix_audit");
                s.execute("CREATE TABLE bench_grant AS SELECT * FROM \"AO_3BD0E8_AUTH_GRANT\"");
                s.execute("CREATE TABLE bench_domain AS SELECT * FROM \"AO_3BD0E8_DOMAIN\"");
                s.execute("CREATE TABLE bench_matrix_audit AS SELECT COALESCE(MAX(\"ID\"), 0) AS max_id FROM \"AO_3BD0E8_MATRIX_AUDIT\"");
                return;
            }
            c.setAutoCommit(false);
            s.execute("DELETE FROM \"AO_3BD0E8_AUTH_GRANT\"");
            s.execute("INSERT INTO \"AO_3BD0E8_AUTH_GRANT\" SELECT * FROM bench_grant");
            s.execute("UPDATE \"AO_3BD0E8_DOMAIN\" d SET \"VERSION\" = b.\"VERSION\", \"GRANTS_REVISION\" = b.\"GRANTS_REVISION\""
                    + " FROM bench_domain b WHERE d.\"ID\" = b.\"ID\"");
            s.execute("DELETE FROM \"AO_3BD0E8_MATRIX_AUDIT\" WHERE \"ID\" > (SELECT max_id FROM bench_matrix_audit)");
            s.execute("DROP TABLE bench_grant, bench_domain, bench_matrix_audit");
            c.commit();
            c.setAutoCommit(true);
        }
        f.jira.caches().flushAll();
    }

    // ---------------------------------------------------------------- HTTP

    private void http(Fixture f, Map<String, Object> r) throws Exception {
        String base = f.host.baseUrl();
        String ctx = "/jira";
        List<String> decisions = new ArrayList<>();
        List<String> views = new ArrayList<>();
        for (String key : f.issueKeys) {
            decisions.add(ctx + "/rest/mandate/1.0/decisions/" + key);
            views.add(ctx + "/browse/" + key);
        }
        List<String> myself = List.of(ctx + "/rest/api/2/myself");
        for (String path : List.of(decisions.get(0), views.get(0), myself.get(0))) {
            int status = get(base + path, Fixture.USER);
            if (status != 200) {
                throw new IllegalStateException(path + " answers " + status + " to " + Fixture.USER);
            }
        }
        int connections = Integer.getInteger("bench.http.connections", 32);
        int threads = Integer.getInteger("bench.http.threads", 2);
        int warmup = Integer.getInteger("bench.http.warmup", 180);
        int duration = Integer.getInteger("bench.http.duration", 30);
        Wrk wrk = new Wrk(System.getProperty("bench.wrk", "/usr/bin/wrk"), out, base, Fixture.USER, connections, threads);
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> mixed = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            mixed.add(decisions.get(i));
            mixed.add(views.get(i));
            mixed.add(myself.get(0));
        }
        log("HTTP warm-up: " + warmup + " s of wrk over the three endpoints, " + connections + " connections, load " + load());
        Wrk.Result w = wrk.run("warmup", mixed, warmup);
        m.put("warmup", w);
        for (var e : List.of(Map.entry("myself", myself), Map.entry("decision", decisions), Map.entry("issueView", views))) {
            m.put(e.getKey() + "LoadBefore", load());
            Wrk.Result res = wrk.run(e.getKey(), e.getValue(), duration);
            m.put(e.getKey(), res);
            log("HTTP " + res);
            csv.add(new String[]{f.dataset, "http-" + e.getKey(), "reqPerS", String.format(Locale.ROOT, "%.0f", res.requestsPerSecond())});
            csv.add(new String[]{f.dataset, "http-" + e.getKey(), "p99Ms", String.format(Locale.ROOT, "%.2f", res.p99Ms())});
        }
        r.put("http", m);
    }

    private static int get(String url, String user) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // ---------------------------------------------------------------- plugin start

    /** Both products on an empty database, {@code bench.start.runs} times: the host's "plugin start" (AO migrate + wiring). */
    private Map<String, Object> pluginStart() throws Exception {
        int runs = Integer.getInteger("bench.start.runs", 5);
        List<Long> jira = new ArrayList<>();
        List<Long> confluence = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String url = database("mandate_bench_start", true);
            File data = Files.createTempDirectory("bench-start").toFile();
            try (RefHost host = RefHost.start(new RefHost.Settings(0, data, url, dbUser, dbPassword,
                    new File(System.getProperty("mandate.jar", "target/mandate-0.1.0-SNAPSHOT.jar")),
                    new File(System.getProperty("mandate.aui", "target/aui"))), RefHost.PluginSamples.NONE)) {
                jira.add(host.jira().startMillis());
                confluence.add(host.confluence().startMillis());
            }
        }
        database("mandate_bench_start", true);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jiraMs", jira);
        m.put("confluenceMs", confluence);
        m.put("jiraFirstMs", jira.get(0));
        m.put("jiraMedianMs", jira.stream().sorted().toList().get(jira.size() / 2));
        csv.add(new String[]{"-", "pluginStart", "jiraFirstMs", String.valueOf(jira.get(0))});
        csv.add(new String[]{"-", "pluginStart", "jiraMedianMs", String.valueOf(m.get("jiraMedianMs"))});
        log("plugin start: " + m);
        return m;
    }

    // ---------------------------------------------------------------- goals, output

    @SuppressWarnings("unchecked")
    private static double d(Map<String, Object> size, String bench, String stat) {
        if (size == null || !(size.get(bench) instanceof Map<?, ?> m) || !(m.get(stat) instanceof Number n)) {
            return Double.NaN;
        }
        return n.doubleValue();
    }

    private List<Map<String, Object>> goals() {
        Map<String, Object> l = bySize.containsKey("L") ? bySize.get("L") : bySize.get(lastSize());
        String at = bySize.containsKey("L") ? "L" : lastSize();
        Map<String, Object> s = bySize.get("S");
        Map<String, Object> mm = bySize.get("M");
        List<Map<String, Object>> g = new ArrayList<>();
        g.add(goal("issue panels server-side render, warm: p95 (" + at + ")", "≤ 5 ms", d(l, "panels", "p95Ms"), "ms", 5, true));
        if (s != null && l != null && !at.equals("S")) {
            g.add(goal("issue panels p95, " + at + " / S", "≤ 1.5×", d(l, "panels", "p95Ms") / d(s, "panels", "p95Ms"), "×", 1.5, true));
        }
        g.add(goal("effective-authority resolution for one issue, warm: p99 (" + at + ")", "≤ 0.2 ms", d(l, "authority", "p99Ms"), "ms", 0.2, true));
        double project = d(l, "reportProject", "meanMs");
        boolean projectBound = Double.isNaN(project) && !Double.isNaN(d(l, "reportProject", "atLeastMs"));
        g.add(bound(goal("accountability report, one project (" + (l == null ? "?" : l.get("reportProjectDecisions")) + " decisions, "
                + at + "): mean", "≤ 50 ms", projectBound ? d(l, "reportProject", "atLeastMs") : project, "ms", 50, true), projectBound));
        double all = d(l, "reportAll", "meanMs");
        boolean allBound = Double.isNaN(all) && !Double.isNaN(d(l, "reportAll", "atLeastMs"));
        g.add(bound(goal("accountability report, whole instance (" + at + "): mean", "≤ 2 s",
                allBound ? d(l, "reportAll", "atLeastMs") : all, "ms", 2000, true), allBound));
        boolean warmHeap = l != null && l.get("reportAllHeapWarm") instanceof Map<?, ?>;
        g.add(bound(goal("heap growth during the whole-instance report (" + at + "): live heap after GC, " + (warmHeap ? "warm" : "first call"),
                "≤ 64 MB", d(l, warmHeap ? "reportAllHeapWarm" : "reportAllHeap", "liveGrowthMb"),
                "MB", 64, true), l != null && l.get("reportAllHeap") instanceof Map<?, ?> h && Boolean.FALSE.equals(h.get("finished"))));
        if (mm != null && l != null && !at.equals("M")) {
            g.add(bound(goal("report time M → " + at + " (10× data)", "≤ 12×",
                    (allBound ? d(l, "reportAll", "atLeastMs") : all) / d(mm, "reportAll", "meanMs"), "×", 12, true), allBound));
        }
        g.add(bound(goal("report / the same aggregation in hand-written SQL (" + at + ")", "≤ 1.5×",
                (allBound ? d(l, "reportAll", "atLeastMs") : all) / d(l, "reportSql", "meanMs"), "×", 1.5, true), allBound));
        // the whole-instance report judges each decision's issue through the host (issue security, and the fields the
        // domain rules match); how long the host takes for that alone, in the same run, says whose time the gap is
        double host = d(l, "hostJudging", "meanMs");
        if (!Double.isNaN(host) && !allBound) {
            g.add(goal("  of which the host judging the " + (l == null ? "?" : l.get("decisions")) + " decisions' issues alone (" + at + ")",
                    "(the host's share)", host, "ms", Double.NaN, true));
            g.add(goal("  the report without the host's share / hand-written SQL (" + at + ")", "(the plugin's share)",
                    (all - host) / d(l, "reportSql", "meanMs"), "×", Double.NaN, true));
        }
        for (Map.Entry<String, Map<String, Object>> e : bySize.entrySet()) {
            if (e.getValue().get("http") instanceof Map<?, ?> http && http.get("decision") instanceof Wrk.Result dec
                    && http.get("myself") instanceof Wrk.Result me && http.get("issueView") instanceof Wrk.Result view) {
                g.add(goal("REST GET /decisions/{key}, 32 connections (" + e.getKey() + "): req/s", "≥ 3,000", dec.requestsPerSecond(), "req/s", 3000, false));
                g.add(goal("REST GET /decisions/{key} (" + e.getKey() + "): p99", "≤ 25 ms", dec.p99Ms(), "ms", 25, true));
                g.add(goal("REST GET /decisions/{key} / GET /rest/api/2/myself, req/s (" + e.getKey() + ")", "(baseline)",
                        dec.requestsPerSecond() / me.requestsPerSecond(), "×", Double.NaN, false));
                g.add(goal("issue view /browse/{key} (" + e.getKey() + "): req/s, p99 " + String.format(Locale.ROOT, "%.1f ms", view.p99Ms()),
                        "(no goal)", view.requestsPerSecond(), "req/s", Double.NaN, false));
            }
        }
        for (Map.Entry<String, Map<String, Object>> e : bySize.entrySet()) {
            if (e.getValue().get("csvImport") instanceof Map<?, ?> c && c.get("csvImportOverBudgetSeconds") instanceof Number b) {
                g.add(bound(goal("matrix CSV import, " + c.get("rows") + " rows (" + e.getKey() + "): did not finish within the budget; "
                        + "a bad last line " + (Boolean.TRUE.equals(c.get("unchangedAfterRefusal")) ? "changes nothing" : "(not checked)"),
                        "≤ 30 s", b.doubleValue() * 1000, "ms", 30_000, true), true));
            }
            if (e.getValue().get("csvImport") instanceof Map<?, ?> c && c.get("importMs") instanceof Number ms) {
                g.add(goal("matrix CSV import, " + c.get("rows") + " rows (" + e.getKey() + "), all-or-nothing: "
                        + (Boolean.TRUE.equals(c.get("unchangedAfterRefusal")) && Boolean.FALSE.equals(c.get("refusedApplied"))
                        ? "a bad last line changes nothing" : "NOT all-or-nothing"), "≤ 30 s", ms.doubleValue(), "ms", 30_000, true));
            }
        }
        if (results.get("pluginStart") instanceof Map<?, ?> p) {
            g.add(goal("plugin start (AO migrate on an empty DB + wiring), Jira, first in this JVM", "≤ 3 s",
                    ((Number) p.get("jiraFirstMs")).doubleValue(), "ms", 3000, true));
            g.add(goal("plugin start, Jira, median of " + ((List<?>) p.get("jiraMs")).size(), "≤ 3 s",
                    ((Number) p.get("jiraMedianMs")).doubleValue(), "ms", 3000, true));
        }
        return g;
    }

    private static Map<String, Object> bound(Map<String, Object> goal, boolean lowerBound) {
        if (lowerBound) {
            goal.put("lowerBound", true);
            // a lower bound within the goal says nothing; past it, the goal is missed
            if (Boolean.TRUE.equals(goal.get("met"))) {
                goal.put("met", null);
            }
            goal.put("what", goal.get("what") + " [at least: stopped at the budget]");
        }
        return goal;
    }

    private String lastSize() {
        String last = null;
        for (String k : bySize.keySet()) {
            last = k;
        }
        return last;
    }

    private static Map<String, Object> goal(String what, String goal, double value, String unit, double limit, boolean atMost) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("what", what);
        m.put("goal", goal);
        m.put("value", Double.isNaN(value) ? null : value);
        m.put("unit", unit);
        m.put("met", Double.isNaN(limit) || Double.isNaN(value) ? null : atMost ? value <= limit : value >= limit);
        return m;
    }

    @SuppressWarnings("unchecked")
    private void printGoals() {
        System.out.println();
        System.out.println("==== Mandate benchmarks (" + out.getAbsolutePath() + "/results.json) ====");
        for (Map<String, Object> g : (List<Map<String, Object>>) results.get("goals")) {
            Object v = g.get("value");
            String value = v == null ? "n/a" : String.format(Locale.ROOT, v instanceof Double dv && dv < 10 ? "%.3f %s" : "%,.0f %s", v, g.get("unit"));
            Object met = g.get("met");
            if (Boolean.TRUE.equals(g.get("lowerBound"))) {
                value = "> " + value;
            }
            System.out.printf(Locale.ROOT, "%-110s %-10s %16s  %s%n", g.get("what"), g.get("goal"), value,
                    met == null ? "" : Boolean.TRUE.equals(met) ? "met" : "GAP");
        }
    }

    private void save() throws Exception {
        JSON.writeValue(new File(out, "results.json"), results);
        StringBuilder b = new StringBuilder("dataset,benchmark,statistic,value\n");
        for (String[] row : csv) {
            b.append(String.join(",", row)).append('\n');
        }
        Files.writeString(new File(out, "results.csv").toPath(), b.toString());
    }

    private void plot() throws Exception {
        List<Plot.Point> all = new ArrayList<>();
        List<Plot.Point> sql = new ArrayList<>();
        List<Plot.Point> project = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : bySize.entrySet()) {
            double n = ((Number) e.getValue().get("decisions")).doubleValue();
            double a = d(e.getValue(), "reportAll", "meanMs");
            all.add(Double.isNaN(a) ? new Plot.Point(e.getKey() + " >", n, d(e.getValue(), "reportAll", "atLeastMs"))
                    : new Plot.Point(e.getKey(), n, a));
            sql.add(new Plot.Point(e.getKey(), n, d(e.getValue(), "reportSql", "meanMs")));
            double pr = d(e.getValue(), "reportProject", "meanMs");
            project.add(Double.isNaN(pr) ? new Plot.Point(e.getKey() + " >", n, d(e.getValue(), "reportProject", "atLeastMs"))
                    : new Plot.Point(e.getKey(), n, pr));
        }
        String svg = Plot.svg("Accountability report time against dataset size", "decisions in the instance (log)",
                "milliseconds (log)", List.of(
                        new Plot.Series("whole instance", "#0052cc", all),
                        new Plot.Series("hand-written SQL", "#36b37e", sql),
                        new Plot.Series("one project", "#ff8b00", project)));
        File plot = new File(System.getProperty("bench.plot", new File(out, "report-time.svg").getPath())).getAbsoluteFile();
        plot.getParentFile().mkdirs();
        Files.writeString(plot.toPath(), svg);
        Files.writeString(new File(out, "report-time.svg").toPath(), svg);
        log("plot: " + plot.getAbsolutePath());
    }

    // ---------------------------------------------------------------- environment

    /** The JDBC URL of the named database on the server, created when missing (or dropped and created: {@code fresh}). */
    private String database(String name, boolean fresh) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", dbUser, dbPassword); Statement s = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                exists = rs.next();
            }
            if (exists && fresh) {
                s.execute("DROP DATABASE " + name + " WITH (FORCE)");
                exists = false;
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + name);
            }
        }
        return serverUrl + name;
    }

    private Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", Instant.now().toString());
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("memory", firstLine("/proc/meminfo"));
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
        m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1048576);
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", dbUser, dbPassword); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version(), current_setting('shared_buffers')")) {
            rs.next();
            m.put("postgresql", rs.getString(1) + "; shared_buffers " + rs.getString(2));
        } catch (SQLException e) {
            m.put("postgresql", "? " + e.getMessage());
        }
        m.put("postgresqlUrl", serverUrl);
        m.put("commit", command("git", "rev-parse", "HEAD"));
        m.put("uncommittedChanges", !command("git", "status", "--porcelain", "--untracked-files=no").isBlank());
        m.put("loadAtStart", load());
        return m;
    }

    private static Map<String, Object> settings(List<String> sizes, String httpSize) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sizes", sizes);
        for (String k : List.of("bench.jmh.warmup", "bench.jmh.iterations", "bench.jmh.time", "bench.report.warmup",
                "bench.report.iterations", "bench.http", "bench.http.warmup", "bench.http.duration", "bench.http.connections",
                "bench.http.threads", "bench.csv", "bench.start.runs")) {
            m.put(k, System.getProperty(k, "(default)"));
        }
        m.put("bench.http.size", httpSize);
        return m;
    }

    private static String firstLine(String file) {
        try {
            return Files.readAllLines(new File(file).toPath()).get(0).replaceAll("\\s+", " ");
        } catch (Exception e) {
            return "?";
        }
    }

    static String load() {
        try {
            return Files.readString(new File("/proc/loadavg").toPath()).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    private static String command(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return s;
        } catch (Exception e) {
            return "?";
        }
    }

    static void log(String s) {
        System.out.println("[bench] " + s);
    }
}
