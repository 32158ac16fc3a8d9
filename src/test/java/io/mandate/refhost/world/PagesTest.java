package io.mandate.refhost.world;

import io.mandate.refhost.db.Database;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/**
 * Confluence's page writes on HSQLDB and PostgreSQL: version 1 on creation, Confluence's version rule on edits (only
 * the current version plus one, once, even when two editors race), titles unique in a space ignoring case, ids never
 * reused, pages from before versions at version 1.
 */
@RunWith(Parameterized.class)
public class PagesTest {

    private static final Instant T1 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-12-02T11:30:00Z");

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private final String kind;
    private Database database;
    private World world;
    private Pages pages;

    public PagesTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void open() {
        database = TestDatabases.fresh(kind);
        world = World.open(database.dataSource());
        pages = world.pages();
    }

    @After
    public void close() {
        database.close();
    }

    @Test
    public void aNewPageIsAtVersionOneWrittenByItsAuthor() {
        HostPage page = pages.create("TEAM", "Runbook", "<p>one</p>", "Alice", T1);
        assertEquals(page, world.page(page.id()).orElseThrow());
        assertEquals(new HostPageVersion(page.id(), 1, "JIRAUSER10001", T1, "JIRAUSER10001", T1), pages.version(page.id()).orElseThrow());
        assertEquals(page, pages.byTitle("TEAM", "runbook").orElseThrow());
    }

    @Test
    public void anEditMakesTheNextVersionAndAnyOtherNumberIsStale() {
        HostPage page = pages.create("TEAM", "Runbook", "<p>one</p>", "alice", T1);
        HostPage edited = pages.update(page.id(), 2, "Runbook v2", "<p>two</p>", "carol", T2);
        assertEquals("<p>two</p>", edited.body());
        assertEquals("Runbook v2", edited.title());
        assertEquals(new HostPageVersion(page.id(), 2, "JIRAUSER10001", T1, "JIRAUSER10003", T2), pages.version(page.id()).orElseThrow());
        for (int stale : List.of(1, 2, 4)) {
            Pages.StaleVersionException e = assertThrows(Pages.StaleVersionException.class,
                    () -> pages.update(page.id(), stale, "x", "<p>x</p>", "alice", T2));
            assertEquals(2, e.current());
            assertEquals("Version must be incremented on update. Current version is: 2", e.getMessage());
        }
        assertEquals("a refused edit changes nothing", "<p>two</p>", world.page(page.id()).orElseThrow().body());
    }

    @Test
    public void twoEditorsOfTheSameVersionMakeOneVersion() throws Exception {
        HostPage page = pages.create("TEAM", "Contested", "<p>0</p>", "alice", T1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> edits = new ArrayList<>();
        for (String editor : List.of("alice", "carol")) {
            edits.add(threads.submit(() -> {
                start.await();
                try {
                    world.pages().update(page.id(), 2, "Contested", "<p>" + editor + "</p>", editor, T2);
                    return true;
                } catch (Pages.StaleVersionException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        List<Boolean> outcomes = new ArrayList<>();
        for (Future<Boolean> edit : edits) {
            outcomes.add(edit.get(30, TimeUnit.SECONDS));
        }
        threads.shutdown();
        assertEquals("one edit made version 2, the other was stale", 1, Collections.frequency(outcomes, true));
        assertEquals(2, pages.version(page.id()).orElseThrow().number());
    }

    @Test
    public void titlesAreUniqueInASpaceIgnoringCase() {
        Pages.TitleTakenException taken = assertThrows(Pages.TitleTakenException.class,
                () -> pages.create("TEAM", "PLATFORM team charter", "<p/>", "alice", T1));
        assertEquals("A page already exists with the title PLATFORM team charter in the space with key TEAM", taken.getMessage());
        HostPage other = pages.create("ENG", "Platform team charter", "<p/>", "alice", T1);
        assertEquals("another space may have the title", "ENG", other.spaceKey());
        HostPage runbook = pages.create("TEAM", "Runbook", "<p/>", "alice", T1);
        assertThrows(Pages.TitleTakenException.class, () -> pages.update(runbook.id(), 2, "Operations Team Charter", "<p/>", "alice", T2));
        assertEquals("its own title in another case is no clash", "RUNBOOK",
                pages.update(runbook.id(), 2, "RUNBOOK", "<p/>", "alice", T2).title());
    }

    @Test
    public void idsComeAfterTheSampleOnesAndAreNeverReused() {
        HostPage first = pages.create("TEAM", "First", "<p/>", "alice", T1);
        assertTrue(first.id() > SampleOrganisation.OPERATIONS_CHARTER_PAGE_ID);
        assertTrue(pages.delete(first.id()));
        assertTrue(world.page(first.id()).isEmpty());
        assertTrue(pages.version(first.id()).isEmpty());
        assertFalse("gone already", pages.delete(first.id()));
        HostPage second = pages.create("TEAM", "First", "<p/>", "alice", T1);
        assertTrue(second.id() > first.id());
    }

    @Test
    public void aPageFromBeforeVersionsIsAtOneAndItsFirstEditMakesTwo() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM HOST_PAGE_VERSION WHERE PAGE_ID = " + SampleOrganisation.ARCHITECTURE_PAGE_ID);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        HostPageVersion old = pages.version(SampleOrganisation.ARCHITECTURE_PAGE_ID).orElseThrow();
        assertEquals(1, old.number());
        assertNull(old.creatorKey());
        assertThrows(Pages.StaleVersionException.class,
                () -> pages.update(SampleOrganisation.ARCHITECTURE_PAGE_ID, 3, "Architecture decisions", "<p/>", "alice", T2));
        pages.update(SampleOrganisation.ARCHITECTURE_PAGE_ID, 2, "Architecture decisions", "<p>new</p>", "alice", T2);
        assertEquals(2, pages.version(SampleOrganisation.ARCHITECTURE_PAGE_ID).orElseThrow().number());
    }

    @Test
    public void theSampleOrganisationsPagesAreAtVersionOneByAdmin() {
        for (HostPage page : pages.all()) {
            HostPageVersion version = pages.version(page.id()).orElseThrow();
            assertEquals(new HostPageVersion(page.id(), 1, "JIRAUSER10000", SampleOrganisation.EPOCH, "JIRAUSER10000",
                    SampleOrganisation.EPOCH), version);
        }
        assertEquals(List.of(SampleOrganisation.TEAM_CHARTER_PAGE_ID, SampleOrganisation.ARCHITECTURE_PAGE_ID,
                SampleOrganisation.OPERATIONS_CHARTER_PAGE_ID), pages.all().stream().map(HostPage::id).toList());
    }
}
