package io.mandate.refhost.world;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Confluence's pages as its content REST API writes them: created, edited with Confluence's version rule (an edit
 * names the version it makes, which must be the current one plus one), deleted. Each write is one transaction; the
 * version moves only from the number the edit expects (compare and set), so two nodes editing one page at once make
 * one version and the other gets {@link StaleVersionException}. Titles are unique within a space, ignoring case, as
 * in Confluence. Permission checks are the caller's. Page ids come from a sequence and are never reused.
 */
public final class Pages {

    /** Confluence's longest page title. */
    public static final int MAX_TITLE_LENGTH = 255;
    /** The longest body the host stores (the column's size, see {@code Schema}). */
    public static final int MAX_BODY_LENGTH = 1_000_000;

    private static final String SELECT = "SELECT pg.ID, s.SPACE_KEY, pg.TITLE, pg.BODY FROM HOST_PAGE pg"
            + " JOIN HOST_SPACE s ON s.ID = pg.SPACE_ID";

    private final DataSource dataSource;
    private final World world;

    Pages(DataSource dataSource, World world) {
        this.dataSource = dataSource;
        this.world = world;
    }

    /** Another page of the space already has this title (Confluence compares titles ignoring case). */
    public static final class TitleTakenException extends RuntimeException {
        public TitleTakenException(String spaceKey, String title) {
            super("A page already exists with the title " + title + " in the space with key " + spaceKey);
        }
    }

    /** The edit does not make the next version: someone else's edit came first, or the number is wrong. */
    public static final class StaleVersionException extends RuntimeException {
        private final int current;

        public StaleVersionException(int current) {
            super("Version must be incremented on update. Current version is: " + current);
            this.current = current;
        }

        public int current() {
            return current;
        }
    }

    /** Every page, ordered by id. */
    public List<HostPage> all() {
        return read(SELECT + " ORDER BY pg.ID");
    }

    /** The page of the space with this title, ignoring case; empty for an unknown space or title. */
    public Optional<HostPage> byTitle(String spaceKey, String title) {
        if (spaceKey == null || title == null) {
            return Optional.empty();
        }
        String wanted = lower(title);
        return read(SELECT + " WHERE s.SPACE_KEY = ? ORDER BY pg.ID", spaceKey).stream()
                .filter(p -> lower(p.title()).equals(wanted)).findFirst();
    }

    /** The page's current version; a page without a version row (an older data folder) is at version 1. */
    public Optional<HostPageVersion> version(long pageId) {
        if (world.page(pageId).isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            return Optional.of(version(c, pageId));
        } catch (SQLException e) {
            throw new WorldException("Could not read the version of page " + pageId, e);
        }
    }

    /**
     * Creates a page at version 1.
     *
     * @throws IllegalArgumentException when the space or the author does not exist
     * @throws TitleTakenException      when the space has a page with this title
     */
    public HostPage create(String spaceKey, String title, String body, String authorUsername, Instant when) {
        HostSpace space = world.space(spaceKey).orElseThrow(() -> new IllegalArgumentException("No space " + spaceKey));
        String author = authorKey(authorUsername);
        long id = inTransaction(c -> {
            requireFreeTitle(c, space, title, null);
            long next = nextId(c);
            update(c, "INSERT INTO HOST_PAGE (ID, SPACE_ID, TITLE, BODY) VALUES (?, ?, ?, ?)", next, space.id(), title, body);
            update(c, "INSERT INTO HOST_PAGE_VERSION (PAGE_ID, VERSION_NUMBER, CREATOR_KEY, CREATED, MODIFIER_KEY, MODIFIED)"
                    + " VALUES (?, 1, ?, ?, ?, ?)", next, author, utc(when), author, utc(when));
            return next;
        }, space.key(), title);
        return world.page(id).orElseThrow();
    }

    /**
     * Makes version {@code newNumber} of the page with this title and body.
     *
     * @throws IllegalArgumentException when there is no such page or author
     * @throws StaleVersionException    when {@code newNumber} is not the current version plus one
     * @throws TitleTakenException      when another page of the space has the new title
     */
    public HostPage update(long pageId, int newNumber, String title, String body, String authorUsername, Instant when) {
        HostPage page = world.page(pageId).orElseThrow(() -> new IllegalArgumentException("No page " + pageId));
        HostSpace space = world.space(page.spaceKey()).orElseThrow();
        String author = authorKey(authorUsername);
        inTransaction(c -> {
            int moved = execute(c, "UPDATE HOST_PAGE_VERSION SET VERSION_NUMBER = ?, MODIFIER_KEY = ?, MODIFIED = ?"
                    + " WHERE PAGE_ID = ? AND VERSION_NUMBER = ?", newNumber, author, utc(when), pageId, newNumber - 1);
            if (moved == 0) {
                HostPageVersion current = version(c, pageId);
                if (current.creatorKey() != null || newNumber != 2) {
                    throw new StaleVersionException(current.number());
                }
                // a page from before versions is at 1 without a row: its first edit makes version 2
                update(c, "INSERT INTO HOST_PAGE_VERSION (PAGE_ID, VERSION_NUMBER, CREATOR_KEY, CREATED, MODIFIER_KEY, MODIFIED)"
                        + " VALUES (?, 2, ?, ?, ?, ?)", pageId, author, utc(current.created()), author, utc(when));
            }
            requireFreeTitle(c, space, title, pageId);
            execute(c, "UPDATE HOST_PAGE SET TITLE = ?, BODY = ? WHERE ID = ?", title, body, pageId);
            return pageId;
        }, space.key(), title);
        return world.page(pageId).orElseThrow();
    }

    /** Removes the page for good (Confluence would move it to the space's trash first); false when there is none. */
    public boolean delete(long pageId) {
        return inTransaction(c -> {
            execute(c, "DELETE FROM HOST_PAGE_VERSION WHERE PAGE_ID = ?", pageId);
            return execute(c, "DELETE FROM HOST_PAGE WHERE ID = ?", pageId) > 0;
        }, null, null);
    }

    // ---------------------------------------------------------------- helpers

    private String authorKey(String username) {
        return world.userByName(username).filter(HostUser::active).map(HostUser::key)
                .orElseThrow(() -> new IllegalArgumentException("No active user " + username));
    }

    private static HostPageVersion version(Connection c, long pageId) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement("SELECT VERSION_NUMBER, CREATOR_KEY, CREATED, MODIFIER_KEY, MODIFIED"
                + " FROM HOST_PAGE_VERSION WHERE PAGE_ID = ?")) {
            World.bind(statement, pageId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return new HostPageVersion(pageId, 1, null, SampleOrganisation.EPOCH, null, SampleOrganisation.EPOCH);
                }
                return new HostPageVersion(pageId, rs.getInt(1), rs.getString(2), instant(rs.getObject(3, LocalDateTime.class)),
                        rs.getString(4), instant(rs.getObject(5, LocalDateTime.class)));
            }
        }
    }

    private static void requireFreeTitle(Connection c, HostSpace space, String title, Long except) throws SQLException {
        String wanted = lower(title);
        try (PreparedStatement statement = c.prepareStatement("SELECT ID, TITLE FROM HOST_PAGE WHERE SPACE_ID = ?")) {
            World.bind(statement, space.id());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (lower(rs.getString(2)).equals(wanted) && (except == null || rs.getLong(1) != except)) {
                        throw new TitleTakenException(space.key(), title);
                    }
                }
            }
        }
    }

    /** The next page id, above every page id there is (the seeded ones included); never reused. */
    private static long nextId(Connection c) throws SQLException {
        if (execute(c, "UPDATE HOST_SEQUENCE SET LAST_VALUE = LAST_VALUE + 1 WHERE SEQ_NAME = 'PAGE'") == 0) {
            long max;
            try (PreparedStatement statement = c.prepareStatement("SELECT MAX(ID) FROM HOST_PAGE");
                 ResultSet rs = statement.executeQuery()) {
                rs.next();
                max = rs.getLong(1);
            }
            update(c, "INSERT INTO HOST_SEQUENCE (SEQ_NAME, LAST_VALUE) VALUES ('PAGE', ?)", max + 1);
        }
        try (PreparedStatement statement = c.prepareStatement("SELECT LAST_VALUE FROM HOST_SEQUENCE WHERE SEQ_NAME = 'PAGE'");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<HostPage> read(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            World.bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                List<HostPage> pages = new ArrayList<>();
                while (rs.next()) {
                    pages.add(new HostPage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
                return pages;
            }
        } catch (SQLException e) {
            throw new WorldException("Could not read pages", e);
        }
    }

    /** A unit of work inside one transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs the work in one transaction. A unique-index violation on the title (another node made a page with the same
     * title at the same moment) is the same answer as the check in the work: the title is taken.
     */
    private <T> T inTransaction(Work<T> work, String spaceKey, String title) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            if (title != null && e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new TitleTakenException(spaceKey, title);
            }
            throw new WorldException("Could not change the pages", e);
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        if (execute(c, sql, params) != 1) {
            throw new IllegalStateException("Expected one row from: " + sql);
        }
    }

    private static int execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            World.bind(statement, params);
            return statement.executeUpdate();
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(Objects.requireNonNull(instant, "when"), ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
