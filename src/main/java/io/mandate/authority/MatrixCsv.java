package io.mandate.authority;

import io.mandate.platform.Principal;
import io.mandate.platform.rest.JsonFields;
import io.mandate.platform.rest.Message;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authority matrix as CSV (docs/rest-api.md, "Matrix CSV"), read and written with Apache Commons CSV
 * (RFC 4180: comma, double quotes, CRLF; cells may hold commas, quotes and line breaks). Reading checks the
 * form of every line — header, column count, holder type, level, dates, lengths — and names each problem
 * by line and column; whether the names mean existing domains, users and groups is {@link MatrixImport}'s part.
 *
 * <p>Formula injection (OWASP "CSV Injection"): a written cell that a spreadsheet would run as a formula —
 * one starting with {@code = + - @}, TAB or CR — gets a leading {@code '}. So that a round trip gives back
 * exactly what was written, a cell that already starts with one or more {@code '} before such a character
 * gets one more, and reading removes exactly one leading {@code '} from any cell of the form
 * {@code '+[=+-@TAB CR]…}.
 */
public final class MatrixCsv {

    /** The columns, in this order; the first line of every file. */
    public static final List<String> HEADER = List.of("domain", "holder_type", "holder", "level", "backup", "mentee",
            "valid_from", "valid_to", "note");
    /** The most data lines one file may have (the body itself is limited to {@link #MAX_BYTES}). */
    public static final int MAX_ROWS = 50_000;
    /**
     * The largest body accepted: 5 MiB, about 55,000 lines of 95 bytes (a grant with backup, dates and a short note);
     * a larger matrix is imported in several files, as each file replaces only the domains it names.
     */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final char BOM = '\uFEFF';
    private static final Pattern NEUTRALISED = Pattern.compile("^'+[=+\\-@\t\r]", Pattern.DOTALL);
    private static final Pattern NEEDS_QUOTE = Pattern.compile("^'*[=+\\-@\t\r]", Pattern.DOTALL);
    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("line (\\d+)");
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).build();
    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").build();

    private MatrixCsv() {
    }

    /**
     * One well-formed line: a grant by names, or (holder empty) a domain named without grants — the way a file
     * empties a domain. Names are trimmed; the domain key is upper case.
     */
    public record Row(int line, String domain, Principal.Type holderType, String holder, Level level, String backup,
                      String mentee, LocalDate validFrom, LocalDate validTo, String note) {
        public boolean isGrant() {
            return holder != null;
        }
    }

    /** A problem of one line: the column is a header name, or null when it is the line as a whole. */
    public record LineError(int line, String column, Message message) {
    }

    /** What a file holds: its good lines and the problems of the others. */
    public record Parsed(List<Row> rows, List<LineError> errors) {
        public Parsed {
            rows = List.copyOf(rows);
            errors = List.copyOf(errors);
        }
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /**
     * Decodes the body as UTF-8 (a leading BOM is dropped); bytes that are not UTF-8 are one problem naming
     * their line, never replaced.
     */
    public static Parsed parse(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = lineOf(new String(body, 0, in.position(), StandardCharsets.ISO_8859_1), in.position());
            return new Parsed(List.of(), List.of(new LineError(line, null, Message.of("mandate.csv.error.encoding"))));
        }
        decoder.flush(out);
        out.flip();
        return parse(out.toString());
    }

    /** Reads the text of a file (a leading BOM is dropped). */
    public static Parsed parse(String text) {
        String csv = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        if (csv.isBlank()) {
            errors.add(new LineError(1, null, Message.of("mandate.csv.error.empty", String.join(",", HEADER))));
            return new Parsed(rows, errors);
        }
        int[] lineStarts = lineStarts(csv);
        int lastLine = 1;
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), READ)) {
            Iterator<CSVRecord> records = parser.iterator();
            boolean header = true;
            int dataLines = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int line = line(lineStarts, record.getCharacterPosition());
                lastLine = line;
                if (header) {
                    header = false;
                    if (!isHeader(record)) {
                        errors.add(new LineError(line, null, Message.of("mandate.csv.error.header", String.join(",", HEADER))));
                        return new Parsed(List.of(), errors);
                    }
                    continue;
                }
                if (++dataLines > MAX_ROWS) {
                    errors.add(new LineError(line, null, Message.of("mandate.csv.error.tooManyRows", MAX_ROWS)));
                    return new Parsed(rows, errors);
                }
                if (record.size() != HEADER.size()) {
                    errors.add(new LineError(line, null, Message.of("mandate.csv.error.columns", HEADER.size(), record.size())));
                    continue;
                }
                Row row = row(line, record, errors);
                if (row != null) {
                    rows.add(row);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Commons CSV stops at a quote that is never closed or text after a closing quote; nothing after it can be trusted
            errors.add(new LineError(syntaxLine(e, lastLine), null, Message.of("mandate.csv.error.syntax")));
        }
        return new Parsed(rows, errors);
    }

    private static boolean isHeader(CSVRecord record) {
        if (record.size() != HEADER.size()) {
            return false;
        }
        for (int i = 0; i < HEADER.size(); i++) {
            if (!record.get(i).trim().toLowerCase(Locale.ROOT).equals(HEADER.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The cells of one line, each checked; null when any is wrong (the problems are in {@code errors}). */
    private static Row row(int line, CSVRecord record, List<LineError> errors) {
        Map<String, Message> problems = new java.util.LinkedHashMap<>();
        String[] cell = new String[HEADER.size()];
        for (int i = 0; i < cell.length; i++) {
            cell[i] = unneutralise(record.get(i));
            if (cell[i].indexOf('\0') >= 0) {
                problems.put(HEADER.get(i), Message.of("mandate.error.nul"));
                cell[i] = "";
            }
        }
        String domain = blankToNull(cell[0]);
        if (domain == null) {
            problems.put("domain", Message.of("mandate.error.required"));
        } else {
            domain = domain.toUpperCase(Locale.ROOT);
            if (!KEY.matcher(domain).matches()) {
                problems.put("domain", Message.of("mandate.error.domain.key", cell[0].trim()));
            }
        }
        boolean domainOnly = Arrays.stream(cell, 1, cell.length).allMatch(String::isBlank);
        Principal.Type type = null;
        String holder = null;
        Level level = null;
        if (!domainOnly) {
            String t = cell[1].trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                problems.put("holder_type", Message.of("mandate.error.required"));
            } else if (t.equals("user") || t.equals("group")) {
                type = t.equals("user") ? Principal.Type.USER : Principal.Type.GROUP;
            } else {
                problems.put("holder_type", Message.of("mandate.csv.error.holderType", cell[1].trim()));
            }
            holder = name("holder", cell[2], problems);
            if (holder == null && !problems.containsKey("holder")) {
                problems.put("holder", Message.of("mandate.error.required"));
            }
            if (cell[3].isBlank()) {
                problems.put("level", Message.of("mandate.error.required"));
            } else {
                level = Level.parse(cell[3]).orElse(null);
                if (level == null) {
                    problems.put("level", Message.of("mandate.csv.error.level", cell[3].trim()));
                }
            }
        }
        String backup = name("backup", cell[4], problems);
        String mentee = name("mentee", cell[5], problems);
        LocalDate from = JsonFields.date("valid_from", cell[6], problems);
        LocalDate to = JsonFields.date("valid_to", cell[7], problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.put("valid_to", Message.of("mandate.csv.error.validTo.beforeFrom"));
        }
        String note = blankToNull(cell[8]);
        if (note != null && note.length() > GrantInput.MAX_NOTE) {
            problems.put("note", Message.of("mandate.error.maxChars", GrantInput.MAX_NOTE));
        }
        if (!problems.isEmpty()) {
            // in the order of the columns, whatever order they were found in
            HEADER.stream().filter(problems::containsKey).forEach(c -> errors.add(new LineError(line, c, problems.get(c))));
            return null;
        }
        return new Row(line, domain, type, holder, level, backup, mentee, from, to, note);
    }

    private static String name(String column, String value, Map<String, Message> problems) {
        String name = blankToNull(value);
        if (name == null) {
            return null;
        }
        name = name.trim();
        if (name.length() > JsonFields.MAX_NAME) {
            problems.put(column, Message.of("mandate.error.maxChars", JsonFields.MAX_NAME));
            return null;
        }
        return name;
    }

    /** Removes the one {@code '} that {@link #neutralise} adds. */
    static String unneutralise(String cell) {
        return NEUTRALISED.matcher(cell).lookingAt() ? cell.substring(1) : cell;
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    /** Writes the header and then each row, as UTF-8 text the caller encodes; a BOM first, so spreadsheets read it as UTF-8. */
    public static Writer writer(Appendable out) throws IOException {
        out.append(BOM);
        CSVPrinter printer = new CSVPrinter(out, WRITE);
        printer.printRecord(HEADER);
        return new Writer(printer);
    }

    /** Prints rows one by one (the export streams; it never holds the matrix). */
    public static final class Writer {
        private final CSVPrinter printer;

        private Writer(CSVPrinter printer) {
            this.printer = printer;
        }

        public void write(Row row) throws IOException {
            printer.printRecord(neutralise(row.domain()), row.holderType() == null ? "" : row.holderType().jsonName(),
                    neutralise(row.holder()), row.level() == null ? "" : row.level().name(), neutralise(row.backup()),
                    neutralise(row.mentee()), row.validFrom() == null ? "" : row.validFrom().toString(),
                    row.validTo() == null ? "" : row.validTo().toString(), neutralise(row.note()));
        }

        public void flush() throws IOException {
            printer.flush();
        }
    }

    /**
     * The cell as written: a leading {@code '} before anything a spreadsheet would take for a formula (the rule of
     * the class comment). Public because every CSV the plugin writes uses this one rule (the report's tables too).
     */
    public static String neutralise(String value) {
        if (value == null) {
            return "";
        }
        return NEEDS_QUOTE.matcher(value).lookingAt() ? "'" + value : value;
    }

    // ---- lines ------------------------------------------------------------------------------------------------

    /** Where each line starts (CR, LF and CRLF end a line, as for Commons CSV). */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 1-based line of a character position. */
    private static int line(int[] lineStarts, long position) {
        int i = Arrays.binarySearch(lineStarts, (int) position);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    private static int lineOf(String textBefore, int position) {
        return line(lineStarts(textBefore), position);
    }

    /** Commons CSV names the line of a syntax error in its message ("(line 7)", "(startline 7)"). */
    private static int syntaxLine(Exception e, int fallback) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = LINE_IN_MESSAGE.matcher(t.getMessage());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return fallback + 1;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
