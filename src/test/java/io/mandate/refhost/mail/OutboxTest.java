package io.mandate.refhost.mail;

import com.atlassian.mail.Email;
import com.atlassian.mail.queue.MailQueueItem;
import com.atlassian.mail.queue.SingleMailQueueItem;
import io.mandate.refhost.db.Database;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The reference host's outbox on HSQLDB and PostgreSQL: what goes in comes out, newest first, and stays. */
@RunWith(Parameterized.class)
public class OutboxTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private final String kind;
    private Database database;

    public OutboxTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void open() {
        database = TestDatabases.fresh(kind);
    }

    @After
    public void close() {
        database.close();
    }

    @Test
    public void keepsEveryFieldOfAQueuedMessage() {
        Instant at = Instant.parse("2026-11-20T10:00:00.123Z");
        Outbox outbox = Outbox.open(database.dataSource(), Clock.fixed(at, ZoneOffset.UTC));
        outbox.addItem(item("bob@example.com", "[DEMO-15] Decision made: ünïcode & <b>", "line 1\nline 2"));
        Outbox.Message m = outbox.newestFirst(10).get(0);
        assertEquals("bob@example.com", m.to());
        assertEquals("[DEMO-15] Decision made: ünïcode & <b>", m.subject());
        assertEquals("line 1\nline 2", m.body());
        assertEquals("text/plain", m.mimeType());
        assertEquals(at, m.sentAt());
    }

    @Test
    public void listsNewestFirstUpToTheLimit() {
        Outbox outbox = Outbox.open(database.dataSource());
        for (int i = 1; i <= 3; i++) {
            outbox.addItem(item("u" + i + "@example.com", "s" + i, "b"));
        }
        assertEquals(List.of("s3", "s2"), outbox.newestFirst(2).stream().map(Outbox.Message::subject).toList());
        assertTrue(outbox.newestFirst(0).isEmpty());
    }

    @Test
    public void messagesSurviveReopeningTheOutbox() {
        Outbox.open(database.dataSource()).addItem(item("bob@example.com", "kept", "b"));
        Outbox again = Outbox.open(database.dataSource());
        assertEquals(List.of("kept"), again.newestFirst(10).stream().map(Outbox.Message::subject).toList());
    }

    @Test
    public void concurrentWritersLoseNoMessage() throws Exception {
        Outbox first = Outbox.open(database.dataSource());
        Outbox second = Outbox.open(database.dataSource()); // a second node on the same database
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Outbox outbox = i % 2 == 0 ? first : second;
                String subject = "m" + i;
                work.add(() -> {
                    outbox.addItem(item("x@example.com", subject, "b"));
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Outbox.Message> all = first.newestFirst(100);
        assertEquals(40, all.size());
        assertEquals(40, all.stream().map(Outbox.Message::subject).distinct().count());
        List<Long> ids = new ArrayList<>(all.stream().map(Outbox.Message::id).toList());
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort(Collections.reverseOrder());
        assertEquals("newest (highest id) first", sorted, ids);
    }

    @Test
    public void refusesAnItemItCannotRead() {
        Outbox outbox = Outbox.open(database.dataSource());
        try {
            outbox.addItem(new MailQueueItem() {
            });
            fail("an item without an Email was accepted");
        } catch (IllegalArgumentException expected) {
            assertTrue(outbox.newestFirst(10).isEmpty());
        }
    }

    @Test
    public void refusesAMessageWithoutRecipient() {
        Outbox outbox = Outbox.open(database.dataSource());
        try {
            outbox.addItem(item(" ", "s", "b"));
            fail("a message without a recipient was accepted");
        } catch (IllegalArgumentException expected) {
            assertTrue(outbox.newestFirst(10).isEmpty());
        }
    }

    private static SingleMailQueueItem item(String to, String subject, String body) {
        Email email = new Email(to);
        email.setSubject(subject);
        email.setBody(body);
        email.setMimeType("text/plain");
        return new SingleMailQueueItem(email);
    }
}
