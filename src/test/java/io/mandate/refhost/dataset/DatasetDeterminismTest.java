package io.mandate.refhost.dataset;

import io.mandate.testing.TestDatabases;
import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

/** A seed (and a day) fixes every row: two runs give the same content, whichever the database; another seed does not. */
public class DatasetDeterminismTest {

    @Test
    public void theSameSeedGivesTheSameRowsInHsqldbAndInPostgresql() {
        assertEquals(GeneratedDatabase.sharedS(TestDatabases.HSQLDB).contentHash(),
                GeneratedDatabase.sharedS(TestDatabases.POSTGRESQL).contentHash());
    }

    @Test
    public void theSameSeedGivesTheSameRowsTwice() {
        try (GeneratedDatabase again = new GeneratedDatabase(TestDatabases.HSQLDB)) {
            again.generate(DatasetSpec.S, GeneratedDatabase.SEED);
            assertEquals(GeneratedDatabase.sharedS(TestDatabases.HSQLDB).contentHash(), again.contentHash());
        }
    }

    @Test
    public void anotherSeedGivesOtherRows() {
        try (GeneratedDatabase other = new GeneratedDatabase(TestDatabases.HSQLDB)) {
            other.generate(DatasetSpec.S, GeneratedDatabase.SEED + 1);
            assertNotEquals(GeneratedDatabase.sharedS(TestDatabases.HSQLDB).contentHash(), other.contentHash());
        }
    }

    @Test
    public void anotherDayGivesOtherDates() {
        try (GeneratedDatabase later = new GeneratedDatabase(TestDatabases.HSQLDB)) {
            later.generator().generate(DatasetSpec.S, GeneratedDatabase.SEED, GeneratedDatabase.DAY.plusDays(1));
            assertNotEquals(GeneratedDatabase.sharedS(TestDatabases.HSQLDB).contentHash(), later.contentHash());
            assertEquals(GeneratedDatabase.sharedS(TestDatabases.HSQLDB).count("HOST_ISSUE_SECURITY"),
                    later.count("HOST_ISSUE_SECURITY"));
        }
    }
}
