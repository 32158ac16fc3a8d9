package io.mandate.platform;

import org.junit.Test;

import java.util.Optional;

import static org.junit.Assert.assertEquals;

/** One way of showing people who are gone, on pages (the viewer's language) and in CSV files (English, read back). */
public class PersonLabelTest {

    private static final PersonLabel.Texts TEXTS = (key, arg) -> key + "(" + arg + ")";
    private static final Person ACTIVE = new Person("JIRAUSER10001", "alice", "Alice Adams");
    private static final Person INACTIVE = new Person("JIRAUSER10009", "ivan", "Ivan Ivanov", Person.State.INACTIVE);
    private static final Person DELETED = Person.deleted("JIRAUSER10042");

    @Test
    public void pagesShowTheDisplayNameMarkedAndADeletedUserByTheKey() {
        assertEquals("Alice Adams", PersonLabel.display(ACTIVE, TEXTS));
        assertEquals("mandate.person.inactive(Ivan Ivanov)", PersonLabel.display(INACTIVE, TEXTS));
        assertEquals("mandate.person.deleted(JIRAUSER10042)", PersonLabel.display(DELETED, TEXTS));
        assertEquals("mandate.person.inactive(ivan)", PersonLabel.username(INACTIVE, TEXTS));
        assertEquals("alice", PersonLabel.username(ACTIVE, TEXTS));
    }

    @Test
    public void csvCellsAreMarkedInEnglishAndReadBack() {
        assertEquals("alice", PersonLabel.csv(ACTIVE));
        assertEquals("ivan (inactive)", PersonLabel.csv(INACTIVE));
        assertEquals("JIRAUSER10042 (deleted)", PersonLabel.csv(DELETED));
        assertEquals("old-team (deleted)", PersonLabel.csvGroup("old-team", false));
        assertEquals("developers", PersonLabel.csvGroup("developers", true));
        assertEquals(Optional.of(new PersonLabel.Marked("ivan", Person.State.INACTIVE)), PersonLabel.fromCsv("ivan (inactive)"));
        assertEquals(Optional.of(new PersonLabel.Marked("JIRAUSER10042", Person.State.DELETED)), PersonLabel.fromCsv("JIRAUSER10042 (deleted)"));
        assertEquals(Optional.empty(), PersonLabel.fromCsv("alice"));
        assertEquals("a mark alone names nobody", Optional.empty(), PersonLabel.fromCsv(" (deleted)"));
        assertEquals(Optional.empty(), PersonLabel.fromCsv(null));
    }

    @Test
    public void theGermanTextsSayInaktivAndGeloescht() {
        io.mandate.refhost.sal.RefI18nResolver i18n = new io.mandate.refhost.sal.RefI18nResolver(java.util.List.of("i18n/mandate"),
                getClass().getClassLoader());
        PersonLabel.Texts german = (key, arg) -> i18n.getText(java.util.Locale.GERMAN, key, arg);
        PersonLabel.Texts english = (key, arg) -> i18n.getText(java.util.Locale.ENGLISH, key, arg);
        assertEquals("Ivan Ivanov (inaktiv)", PersonLabel.display(INACTIVE, german));
        assertEquals("JIRAUSER10042 (gel\u00f6scht)", PersonLabel.display(DELETED, german));
        assertEquals("Ivan Ivanov (inactive)", PersonLabel.display(INACTIVE, english));
        assertEquals("JIRAUSER10042 (deleted)", PersonLabel.display(DELETED, english));
    }
}
