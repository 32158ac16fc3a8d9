package io.mandate.authority;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.decision.DecisionStore;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.People;
import io.mandate.platform.rest.ApiException;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.FixedClock;
import io.mandate.testing.Seams;
import io.mandate.testing.TestDatabases;
import net.java.ao.DatabaseProvider;
import net.java.ao.Query;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;

/**
 * A 1,000-line matrix CSV import racing single grant edits of the same domains (HSQLDB and PostgreSQL), through
 * the real {@link MatrixImport}, {@link AuthorityService} and {@link GrantStore}: one wins whole. The edits are fired
 * from inside the import's own statement stream, so they really race it — three when the import starts taking the
 * domains' locks (on the domain it locks last), three once it holds them all and writes grants. Afterwards the audit
 * trail gives the order in which the writes committed; replaying that order on a model of the matrix — edits before
 * the import, the import, edits after it — gives exactly the grants stored (nothing interleaved, nothing lost), the
 * import's audit rows are one unbroken block, and every edit that lost was refused as stale (409) — an edit read
 * before the import of a grant the import changed or removed — or was applied whole after it.
 */
@RunWith(Parameterized.class)
public class ImportRacingEditsTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private static final String HEADER = "domain,holder_type,holder,level,backup,mentee,valid_from,valid_to,note\r\n";
    private static final int DOMAINS = 10;

    private final String kind;
    private AoTestSupport ao;
    private AuthorityService authority;
    private MatrixImport imports;
    private GrantStore grants;

    public ImportRacingEditsTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() throws Exception {
        ao = new AoTestSupport(kind, DomainEntity.class, DomainScopeEntity.class, GrantEntity.class, AbsenceEntity.class,
                MatrixAuditEntity.class);
        grants = new GrantStore(ao.entities());
        People people = new People(new OpenDirectory());
        authority = new AuthorityService(new DomainStore(ao.entities()), grants, new AbsenceStore(ao.entities()),
                mock(DecisionStore.class), mock(IssueAccess.class), people, mock(GroupDirectory.class),
                FixedClock.utc(Instant.parse("2026-11-20T10:00:00Z")), e -> { }, Seams.caches());
        imports = new MatrixImport(authority, people);
        for (int d = 0; d < DOMAINS; d++) {
            authority.createDomain((ObjectNode) new ObjectMapper().readTree(
                    "{\"key\":\"IMP" + d + "\",\"name\":\"Import " + d + "\",\"scope\":{\"projects\":[\"DEMO\"]}}"));
        }
    }

    @After
    public void tearDown() {
        ao.close();
    }

    /** Before: u0–u89 and u100–u109 at INQUIRE in every domain (1,000 grants). */
    private static String before() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int d = 0; d < DOMAINS; d++) {
            for (int u = 0; u < 110; u++) {
                if (u < 90 || u >= 100) {
                    csv.append("IMP").append(d).append(",user,u").append(u).append(",INQUIRE,,,,,\r\n");
                }
            }
        }
        return csv.toString();
    }

    /** The racing import, 1,000 lines: u0–u49 unchanged, u50–u89 changed to ADVISE, u90–u99 added, u100–u109 removed. */
    private static String racing() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int d = 0; d < DOMAINS; d++) {
            for (int u = 0; u < 100; u++) {
                csv.append("IMP").append(d).append(",user,u").append(u).append(',')
                        .append(u < 50 ? "INQUIRE" : u < 90 ? "ADVISE" : "CONSULT").append(",,,,,\r\n");
            }
        }
        return csv.toString();
    }

    /** Every grant of the import's domains as "IMPd/uN" → "LEVEL|note". */
    private Map<String, String> stored() {
        Map<String, String> all = new TreeMap<>();
        List<String> keys = new ArrayList<>();
        for (int d = 0; d < DOMAINS; d++) {
            keys.add("IMP" + d);
        }
        grants.ofDomains(keys).forEach((domain, list) -> list.forEach(g -> {
            String previous = all.put(domain + "/" + g.holder().id().substring(4), g.level() + "|" + (g.note() == null ? "" : g.note()));
            assertTrue("one grant per holder", previous == null);
        }));
        return all;
    }

    /** One single grant edit: the client's GET, then its PUT with the version it read and a note of its own. */
    private record Edit(String key, String note, int versionRead, int status) {
    }

    private Edit edit(long grantId, String key, String note) {
        String holder = key.substring(key.indexOf('/') + 1);
        Grant read;
        try {
            read = authority.requireGrant(grantId);
        } catch (ApiException e) {
            assertEquals("the grant is gone: " + e.errors(), 404, e.status());
            return new Edit(key, note, -1, 404);
        }
        try {
            authority.updateGrant(grantId, ConcurrentGrantEditsTest.grantBody("user", holder, read.level().name(), note, read.version()));
            return new Edit(key, note, read.version(), 200);
        } catch (ApiException e) {
            assertEquals("an edit that lost is stale, not another failure: " + e.errors(), 409, e.status());
            assertTrue(e.errors().toString(), e.errors().containsKey("version"));
            return new Edit(key, note, read.version(), 409);
        }
    }

    @Test
    public void aThousandLineImportAndConcurrentEditsOfItsDomainsEachWinWhole() throws Exception {
        MatrixImport.Result seeded = imports.run(before().getBytes(StandardCharsets.UTF_8), false);
        assertTrue(seeded.errors().toString(), seeded.applied());
        Map<String, Long> ids = new TreeMap<>();
        for (int d = 0; d < DOMAINS; d++) {
            for (Grant g : grants.ofDomain("IMP" + d)) {
                ids.put("IMP" + d + "/" + g.holder().id().substring(4), g.id());
            }
        }
        Map<String, String> model = stored();
        int seedAuditMax = maxAuditId();

        ExecutorService editors = Executors.newFixedThreadPool(6);
        List<Future<Edit>> edits = new ArrayList<>();
        AtomicBoolean lockingSeen = new AtomicBoolean();
        AtomicBoolean writingSeen = new AtomicBoolean();
        Thread importer = Thread.currentThread();
        // fires the edits from inside the import's statement stream (AO calls its listeners before each statement)
        DatabaseProvider.SqlListener trigger = sql -> {
            if (Thread.currentThread() != importer) {
                return;
            }
            String upper = sql.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("UPDATE") && upper.contains("_DOMAIN") && lockingSeen.compareAndSet(false, true)) {
                // the import has begun taking the domains' locks, in key order: race it for the last one
                for (String key : List.of("IMP9/u0", "IMP9/u50", "IMP9/u100")) {
                    edits.add(editors.submit(() -> edit(ids.get(key), key, "e-locking-" + key)));
                }
            }
            if (upper.startsWith("INSERT") && upper.contains("_GRANT") && writingSeen.compareAndSet(false, true)) {
                // the import holds every lock and writes: these read the grants as they were and must wait
                for (String key : List.of("IMP0/u1", "IMP0/u51", "IMP0/u101")) {
                    edits.add(editors.submit(() -> edit(ids.get(key), key, "e-writing-" + key)));
                }
            }
        };
        ao.activeObjects().entityManager().getProvider().addSqlListener(trigger);
        MatrixImport.Result result;
        List<Edit> done = new ArrayList<>();
        try {
            result = imports.run(racing().getBytes(StandardCharsets.UTF_8), false);
            for (Future<Edit> f : new ArrayList<>(edits)) {
                done.add(f.get(2, TimeUnit.MINUTES));
            }
        } finally {
            ao.activeObjects().entityManager().getProvider().removeSqlListener(trigger);
            editors.shutdownNow();
        }
        assertTrue("the edits were fired while the import was locking and while it was writing", lockingSeen.get() && writingSeen.get());
        assertEquals(6, done.size());
        assertTrue(result.errors().toString(), result.applied());

        // the order in which the writes committed, from the audit trail
        List<MatrixAuditEntity> rows = List.of(ao.activeObjects().find(MatrixAuditEntity.class,
                Query.select().where("ID > ?", seedAuditMax).order("ID")));
        Map<String, Integer> editAuditId = new TreeMap<>();
        int importFirst = Integer.MAX_VALUE;
        int importLast = Integer.MIN_VALUE;
        for (MatrixAuditEntity row : rows) {
            if (row.getAfterValue() != null && row.getAfterValue().startsWith("e-")) {
                assertEquals("an edit changes only the note", "note", row.getField());
                assertTrue("each accepted edit audited once", editAuditId.put(row.getAfterValue(), row.getID()) == null);
            } else {
                importFirst = Math.min(importFirst, row.getID());
                importLast = Math.max(importLast, row.getID());
            }
        }
        for (int id : editAuditId.values()) {
            assertTrue("no edit committed inside the import: edit " + id + ", import " + importFirst + ".." + importLast,
                    id < importFirst || id > importLast);
        }

        // replay: the edits that committed before the import, the import, the edits after it
        int changedByEditsBefore = 0;
        for (Edit e : done) {
            Integer auditId = editAuditId.get(e.note());
            assertEquals("accepted exactly when audited: " + e, e.status() == 200, auditId != null);
            if (auditId != null && auditId < importFirst) {
                assertEquals("it read the grant as seeded", 1, e.versionRead());
                model.put(e.key(), model.get(e.key()).replaceAll("\\|.*", "|" + e.note()));
                if (Integer.parseInt(e.key().replaceAll(".*/u", "")) < 50) {
                    changedByEditsBefore++; // the import resets its note: a change where there was none
                }
            }
        }
        model.keySet().removeIf(k -> true);
        for (String line : racing().split("\r\n")) {
            String[] cells = line.split(",", -1);
            if (!cells[0].equals("domain")) {
                model.put(cells[0] + "/" + cells[2], cells[3] + "|");
            }
        }
        for (Edit e : done) {
            Integer auditId = editAuditId.get(e.note());
            if (auditId != null && auditId > importLast) {
                assertTrue("an edit after the import is of a grant the import kept: " + e, model.containsKey(e.key()));
                model.put(e.key(), model.get(e.key()).replaceAll("\\|.*", "|" + e.note()));
            } else if (e.status() == 409) {
                int u = Integer.parseInt(e.key().replaceAll(".*/u", ""));
                assertTrue("only a grant the import changed or removed makes an edit stale: " + e, u >= 50);
                assertEquals("and only when read before the import: " + e, 1, e.versionRead());
            } else if (e.status() == 404) {
                assertTrue("only a removed grant is gone: " + e, !model.containsKey(e.key()));
            }
        }
        assertEquals("the grants are exactly those of the writes in their committed order", model, stored());
        assertEquals(new MatrixImport.Summary(100, 400 + changedByEditsBefore, 100, 500 - changedByEditsBefore,
                List.of("IMP0", "IMP1", "IMP2", "IMP3", "IMP4", "IMP5", "IMP6", "IMP7", "IMP8", "IMP9")), result.summary());
        // the edits fired while the import held every lock went after it: the one of a kept grant applied, the others stale
        for (Edit e : done) {
            if (e.note().startsWith("e-writing-") && e.versionRead() == 1) {
                Integer auditId = editAuditId.get(e.note());
                if (e.key().equals("IMP0/u1")) {
                    assertTrue("applied after the import: " + e, auditId != null && auditId > importLast);
                } else {
                    assertEquals("stale: " + e, 409, e.status());
                }
            }
        }
        System.out.printf("%s: import %d..%d in the audit trail; edits: %s%n", kind, importFirst, importLast, done);
    }

    private int maxAuditId() {
        MatrixAuditEntity[] last = ao.activeObjects().find(MatrixAuditEntity.class, Query.select().order("ID DESC").limit(1));
        return last.length == 0 ? 0 : last[0].getID();
    }
}
