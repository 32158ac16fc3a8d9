package io.mandate.refhost.db;

import net.java.ao.DatabaseProvider;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Counts the SQL statements Active Objects sends on the current thread, so tests can assert
 * per-request statement counts (targets.md: "tests assert counts").
 */
public final class SqlCounter implements DatabaseProvider.SqlListener {

    private final ThreadLocal<List<String>> statements = new ThreadLocal<>();

    /** Starts recording on this thread; returns the live list the statements are added to. */
    public List<String> start() {
        List<String> list = Collections.synchronizedList(new ArrayList<>());
        statements.set(list);
        return list;
    }

    public List<String> stop() {
        List<String> list = statements.get();
        statements.remove();
        return list == null ? List.of() : List.copyOf(list);
    }

    @Override
    public void onSql(String sql) {
        List<String> list = statements.get();
        if (list != null) {
            list.add(sql);
        }
    }
}
