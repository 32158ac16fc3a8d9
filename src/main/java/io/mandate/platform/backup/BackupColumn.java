package io.mandate.platform.backup;

import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;

import java.lang.reflect.Method;
import java.util.Date;
import java.util.Locale;

/**
 * One column of a Mandate table as a backup file carries it: the field name in the file (the entity's property,
 * {@code issueId}), the column Active Objects made for it ({@code ISSUE_ID}), the getter that reads it, its kind, whether
 * it may be null and how long a text may be — all read from the entity interface, so the file has exactly the columns
 * the table has.
 *
 * @param maxLength for text: the most characters (code points) the column holds, -1 for unlimited
 */
record BackupColumn(String field, String column, Method getter, Kind kind, boolean notNull, int maxLength) {

    /** What a value is in the file: JSON number (int or long range), boolean, string, or an ISO-8601 instant string. */
    enum Kind { INT, LONG, BOOLEAN, TEXT, INSTANT }

    /** Active Objects' default length of a text column without {@code @StringLength}. */
    static final int DEFAULT_TEXT_LENGTH = 255;

    static BackupColumn of(Method getter) {
        String property = getter.getName().startsWith("is") ? getter.getName().substring(2) : getter.getName().substring(3);
        Class<?> type = getter.getReturnType();
        Kind kind;
        if (type == int.class || type == Integer.class) {
            kind = Kind.INT;
        } else if (type == long.class || type == Long.class) {
            kind = Kind.LONG;
        } else if (type == boolean.class || type == Boolean.class) {
            kind = Kind.BOOLEAN;
        } else if (type == String.class) {
            kind = Kind.TEXT;
        } else if (Date.class.isAssignableFrom(type)) {
            kind = Kind.INSTANT;
        } else {
            throw new IllegalArgumentException(getter + ": a backup has no form for " + type.getName());
        }
        int maxLength = -1;
        if (kind == Kind.TEXT) {
            StringLength length = getter.getAnnotation(StringLength.class);
            maxLength = length == null ? DEFAULT_TEXT_LENGTH : length.value() == StringLength.UNLIMITED ? -1 : length.value();
        }
        boolean notNull = type.isPrimitive() || getter.isAnnotationPresent(NotNull.class);
        return new BackupColumn(field(property), column(property), getter, kind, notNull, maxLength);
    }

    /** {@code IssueId} → {@code issueId}, {@code ID} → {@code id}. */
    static String field(String property) {
        if (property.equals(property.toUpperCase(Locale.ROOT))) {
            return property.toLowerCase(Locale.ROOT);
        }
        return Character.toLowerCase(property.charAt(0)) + property.substring(1);
    }

    /**
     * The column name Atlassian's field name converter gives a property without {@code @Accessor}: upper case with an
     * underscore where a lower-case letter or digit meets an upper-case one ({@code IssueId} → {@code ISSUE_ID},
     * {@code ID} → {@code ID}). BackupTableTest holds it to the converter Active Objects really uses.
     */
    static String column(String property) {
        StringBuilder c = new StringBuilder();
        for (int i = 0; i < property.length(); i++) {
            char ch = property.charAt(i);
            if (i > 0 && Character.isUpperCase(ch) && !Character.isUpperCase(property.charAt(i - 1))) {
                c.append('_');
            }
            c.append(Character.toUpperCase(ch));
        }
        return c.toString();
    }
}
