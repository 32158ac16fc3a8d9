package io.mandate.platform;

import java.util.Optional;

/**
 * How every page, panel, macro and file shows a person who is not active, so all of them say it the same way:
 * <ul>
 *     <li>on pages, in the viewer's language: "Ivan Ivanov (inactive)", "JIRAUSER10042 (deleted)" — a deleted user by
 *         the stored key, the only thing the host still knows of them ({@code mandate.person.inactive},
 *         {@code mandate.person.deleted});</li>
 *     <li>in CSV files, in English whatever the language (like the headers, so scripts read every file alike):
 *         {@code ivan (inactive)}, {@code JIRAUSER10042 (deleted)} — the username or key first, so the matrix import
 *         reads the cell back ({@link #fromCsv}).</li>
 * </ul>
 * An active person is shown as before: the display name on pages, the username in files.
 */
public final class PersonLabel {

    public static final String INACTIVE_KEY = "mandate.person.inactive";
    public static final String DELETED_KEY = "mandate.person.deleted";
    /** The group counterpart on pages: "old-team (deleted)". */
    public static final String GROUP_DELETED_KEY = "mandate.group.deleted";

    static final String CSV_INACTIVE = " (inactive)";
    static final String CSV_DELETED = " (deleted)";

    /** One i18n text with one argument, in the viewer's language. */
    @FunctionalInterface
    public interface Texts {
        String get(String key, String argument);
    }

    private PersonLabel() {
    }

    /** The display name, marked when the person is inactive; the key, marked, when deleted. */
    public static String display(Person p, Texts texts) {
        return switch (p.state()) {
            case ACTIVE -> p.displayName();
            case INACTIVE -> texts.get(INACTIVE_KEY, p.displayName());
            case DELETED -> texts.get(DELETED_KEY, p.key());
        };
    }

    /** The username, marked when the person is inactive; the key, marked, when deleted (where pages show usernames). */
    public static String username(Person p, Texts texts) {
        return switch (p.state()) {
            case ACTIVE -> p.name();
            case INACTIVE -> texts.get(INACTIVE_KEY, p.name());
            case DELETED -> texts.get(DELETED_KEY, p.key());
        };
    }

    /** A CSV cell: the username, {@code name (inactive)} or {@code key (deleted)}. */
    public static String csv(Person p) {
        return switch (p.state()) {
            case ACTIVE -> p.name();
            case INACTIVE -> p.name() + CSV_INACTIVE;
            case DELETED -> p.key() + CSV_DELETED;
        };
    }

    /** A CSV cell for a group: its name, or {@code name (deleted)} when the host no longer has it. */
    public static String csvGroup(String group, boolean exists) {
        return exists ? group : group + CSV_DELETED;
    }

    /** A cell as {@link #csv} wrote it, taken apart: the name or key and the state its marker says. */
    public record Marked(String name, Person.State state) {
    }

    /** The cell without its marker, if it ends with one (and has something before it); empty otherwise. */
    public static Optional<Marked> fromCsv(String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        if (cell.endsWith(CSV_DELETED) && cell.length() > CSV_DELETED.length()) {
            return Optional.of(new Marked(cell.substring(0, cell.length() - CSV_DELETED.length()), Person.State.DELETED));
        }
        if (cell.endsWith(CSV_INACTIVE) && cell.length() > CSV_INACTIVE.length()) {
            return Optional.of(new Marked(cell.substring(0, cell.length() - CSV_INACTIVE.length()), Person.State.INACTIVE));
        }
        return Optional.empty();
    }
}
