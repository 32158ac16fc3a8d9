package io.mandate.authority;

import io.mandate.platform.Principal;
import org.junit.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/** The matrix CSV format: reading, writing, every kind of refused line, formula neutralisation. */
public class MatrixCsvTest {

    private static final String HEADER = "domain,holder_type,holder,level,backup,mentee,valid_from,valid_to,note\r\n";

    private static MatrixCsv.Row row(String domain, Principal.Type type, String holder, Level level, String backup,
                                     String mentee, String from, String to, String note) {
        return new MatrixCsv.Row(0, domain, type, holder, level, backup, mentee, from == null ? null : LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to), note);
    }

    private static String write(List<MatrixCsv.Row> rows) throws IOException {
        StringBuilder out = new StringBuilder();
        MatrixCsv.Writer w = MatrixCsv.writer(out);
        for (MatrixCsv.Row r : rows) {
            w.write(r);
        }
        w.flush();
        return out.toString();
    }

    /** Row content without the line number. */
    private static List<String> content(List<MatrixCsv.Row> rows) {
        return rows.stream().map(r -> String.join("|", r.domain(), String.valueOf(r.holderType()), String.valueOf(r.holder()),
                String.valueOf(r.level()), String.valueOf(r.backup()), String.valueOf(r.mentee()), String.valueOf(r.validFrom()),
                String.valueOf(r.validTo()), String.valueOf(r.note()))).toList();
    }

    private static String errors(MatrixCsv.Parsed p) {
        return p.errors().stream().map(e -> e.line() + ":" + e.column() + ":" + e.message().key()).collect(Collectors.joining(" "));
    }

    @Test
    public void whatIsWrittenIsReadBackAsItWas() throws IOException {
        List<MatrixCsv.Row> rows = List.of(
                row("ARCH", Principal.Type.USER, "alice", Level.DELEGATE, "bob", "carol", "2026-01-01", "2027-06-30", "Lead architect"),
                row("ARCH", Principal.Type.GROUP, "developers", Level.CONSULT, null, null, null, null, null),
                row("HIRING", Principal.Type.USER, "heidi", Level.ADVISE, null, "erin", null, "2027-12-31",
                        "Says \"yes\", or \"no\",\nthen writes it down\r\nin two lines"),
                row("SPEND_10K", Principal.Type.USER, "Zoë", Level.TELL, null, null, "2026-02-03", null, "Ünïcödé, ∑ and 日本"));
        String csv = write(rows);
        assertTrue(csv, csv.startsWith("\uFEFF" + HEADER));
        MatrixCsv.Parsed parsed = MatrixCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(errors(parsed), List.of(), parsed.errors());
        assertEquals(content(rows), content(parsed.rows()));
        assertEquals("levels are written by name", "ARCH,user,alice,DELEGATE,bob,carol,2026-01-01,2027-06-30,Lead architect",
                csv.split("\r\n")[1]);
    }

    @Test
    public void aFileWithoutBomReadsTheSameAsOneWithIt() {
        String body = HEADER + "ARCH,user,alice,5,,,,,\r\n";
        MatrixCsv.Parsed without = MatrixCsv.parse(body.getBytes(StandardCharsets.UTF_8));
        MatrixCsv.Parsed with = MatrixCsv.parse(("\uFEFF" + body).getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), without.errors());
        assertEquals(List.of(), with.errors());
        assertEquals(content(without.rows()), content(with.rows()));
        assertEquals(Level.ADVISE, with.rows().get(0).level());
    }

    @Test
    public void levelsAreNumbersOrNamesInAnyCaseAndLfLineEndsWork() {
        MatrixCsv.Parsed p = MatrixCsv.parse(("domain,holder_type,holder,level,backup,mentee,valid_from,valid_to,note\n"
                + "arch,USER,alice,1,,,,,\n" + "ARCH,group,leads, inquire ,,,,,\n" + "ARCH,user,bob,Delegate,,,,,\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(errors(p), 0, p.errors().size());
        assertEquals(List.of(Level.TELL, Level.INQUIRE, Level.DELEGATE), p.rows().stream().map(MatrixCsv.Row::level).toList());
        assertEquals("ARCH", p.rows().get(0).domain());
        assertEquals(List.of(2, 3, 4), p.rows().stream().map(MatrixCsv.Row::line).toList());
    }

    @Test
    public void quotedCellsHoldCommasQuotesAndLineBreaksAndLinesAreCountedInTheFile() {
        String body = HEADER
                + "ARCH,user,alice,5,,,,,\"one, two\"\r\n"
                + "ARCH,user,bob,5,,,,,\"line one\nline two\nline \"\"three\"\"\"\r\n"
                + "ARCH,user,carol,0,,,,,\r\n";
        MatrixCsv.Parsed p = MatrixCsv.parse(body.getBytes(StandardCharsets.UTF_8));
        assertEquals("one, two", p.rows().get(0).note());
        assertEquals("line one\nline two\nline \"three\"", p.rows().get(1).note());
        assertEquals("carol's line is the 6th of the file (bob's note spans three)", "6:level:mandate.csv.error.level", errors(p));
    }

    @Test
    public void badLevelsAreNamedWithTheirLineAndColumn() {
        String body = HEADER + "ARCH,user,a,0,,,,,\r\n" + "ARCH,user,b,8,,,,,\r\n" + "ARCH,user,c,-1,,,,,\r\n"
                + "ARCH,user,d,SUPREME,,,,,\r\n" + "ARCH,user,e,,,,,,\r\n" + "ARCH,user,f,05,,,,,\r\n" + "ARCH,user,g,5.0,,,,,\r\n";
        MatrixCsv.Parsed p = MatrixCsv.parse(body.getBytes(StandardCharsets.UTF_8));
        assertEquals("2:level:mandate.csv.error.level 3:level:mandate.csv.error.level 4:level:mandate.csv.error.level "
                + "5:level:mandate.csv.error.level 6:level:mandate.error.required 7:level:mandate.csv.error.level "
                + "8:level:mandate.csv.error.level", errors(p));
        assertEquals(List.of(), p.rows());
        assertEquals("[-1]", p.errors().get(2).message().args().toString());
    }

    @Test
    public void badDatesAndAnEndBeforeTheStartAreNamed() {
        String body = HEADER + "ARCH,user,a,5,,,2026-13-01,,\r\n" + "ARCH,user,b,5,,,,31.12.2026,\r\n"
                + "ARCH,user,c,5,,,2027-01-02,2027-01-01,\r\n" + "ARCH,user,d,5,,,2027-01-01,2027-01-01,\r\n"
                + "ARCH,user,e,5,,,2026-02-30,,\r\n";
        MatrixCsv.Parsed p = MatrixCsv.parse(body.getBytes(StandardCharsets.UTF_8));
        assertEquals("2:valid_from:mandate.error.date.calendar 3:valid_to:mandate.error.date.format "
                + "4:valid_to:mandate.csv.error.validTo.beforeFrom 6:valid_from:mandate.error.date.calendar", errors(p));
        assertEquals("a one-day grant is fine", 1, p.rows().size());
    }

    @Test
    public void everyProblemOfOneLineIsNamedInColumnOrder() {
        String body = HEADER + "ar ch,person,,9,,,soon,,\r\n";
        MatrixCsv.Parsed p = MatrixCsv.parse(body.getBytes(StandardCharsets.UTF_8));
        assertEquals("2:domain:mandate.error.domain.key 2:holder_type:mandate.csv.error.holderType 2:holder:mandate.error.required "
                + "2:level:mandate.csv.error.level 2:valid_from:mandate.error.date.format", errors(p));
    }

    @Test
    public void wrongColumnCountsAreNamedAndTheOtherLinesStillRead() {
        String body = HEADER + "ARCH,user,alice,5\r\n" + "ARCH,user,bob,5,,,,,\r\n" + "ARCH,user,carol,5,,,,,,extra\r\n";
        MatrixCsv.Parsed p = MatrixCsv.parse(body.getBytes(StandardCharsets.UTF_8));
        assertEquals("2:null:mandate.csv.error.columns 4:null:mandate.csv.error.columns", errors(p));
        assertEquals("[9, 4]", p.errors().get(0).message().args().toString());
        assertEquals(List.of("bob"), p.rows().stream().map(MatrixCsv.Row::holder).toList());
    }

    @Test
    public void aMissingHeaderIsRefusedAtLineOne() {
        MatrixCsv.Parsed p = MatrixCsv.parse("ARCH,user,alice,5,,,,,\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("1:null:mandate.csv.error.header", errors(p));
        assertEquals(List.of(), p.rows());
        MatrixCsv.Parsed reordered = MatrixCsv.parse("holder_type,domain,holder,level,backup,mentee,valid_from,valid_to,note\r\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("1:null:mandate.csv.error.header", errors(reordered));
    }

    @Test
    public void theHeaderIsMatchedIgnoringCaseAndBlanks() {
        MatrixCsv.Parsed p = MatrixCsv.parse(" Domain , HOLDER_TYPE,holder,level,backup,mentee,valid_from,valid_to,note\r\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), p.errors());
    }

    @Test
    public void anEmptyFileIsRefused() {
        assertEquals("1:null:mandate.csv.error.empty", errors(MatrixCsv.parse(new byte[0])));
        assertEquals("1:null:mandate.csv.error.empty", errors(MatrixCsv.parse("\uFEFF \r\n".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    public void aHeaderAloneIsAnEmptyMatrixWithoutProblems() {
        MatrixCsv.Parsed p = MatrixCsv.parse(HEADER.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), p.errors());
        assertEquals(List.of(), p.rows());
    }

    @Test
    public void anUnclosedQuoteStopsTheReadingAtItsLine() {
        String body = HEADER + "ARCH,user,alice,5,,,,,ok\r\n" + "ARCH,user,bob,5,,,,,\"never closed\r\nARCH,user,carol,5,,,,,\r\n";
        MatrixCsv.Parsed p = MatrixCsv.parse(body.getBytes(StandardCharsets.UTF_8));
        assertEquals("3:null:mandate.csv.error.syntax", errors(p));
        assertEquals(List.of("alice"), p.rows().stream().map(MatrixCsv.Row::holder).toList());
    }

    @Test
    public void textAfterAClosingQuoteIsRefusedAtItsLine() {
        String body = HEADER + "ARCH,user,alice,5,,,,,ok\r\n" + "ARCH,user,bob,5,,,,,\"quoted\"tail\r\n";
        MatrixCsv.Parsed p = MatrixCsv.parse(body.getBytes(StandardCharsets.UTF_8));
        assertEquals("3:null:mandate.csv.error.syntax", errors(p));
    }

    @Test
    public void bytesThatAreNotUtf8AreRefusedNamingTheirLine() {
        byte[] latin1 = (HEADER + "ARCH,user,alice,5,,,,,ok\r\nARCH,user,bob,5,,,,,M\u00fcller\r\n").getBytes(StandardCharsets.ISO_8859_1);
        MatrixCsv.Parsed p = MatrixCsv.parse(latin1);
        assertEquals("3:null:mandate.csv.error.encoding", errors(p));
        assertEquals(List.of(), p.rows());
    }

    @Test
    public void aRowWithOnlyTheDomainNamesTheDomainWithoutAGrant() {
        MatrixCsv.Parsed p = MatrixCsv.parse((HEADER + "ARCH,,,,,,,,\r\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), p.errors());
        assertEquals("ARCH", p.rows().get(0).domain());
        assertTrue(!p.rows().get(0).isGrant());
        assertNull(p.rows().get(0).level());
    }

    @Test
    public void tooLongNamesAndNotesAndNulCharactersAreRefused() {
        String longName = "x".repeat(256);
        String longNote = "y".repeat(GrantInput.MAX_NOTE + 1);
        String body = HEADER + "ARCH,user," + longName + ",5,,,,,\r\n" + "ARCH,user,bob,5,,,,," + longNote + "\r\n"
                + "ARCH,user,carol,5,da\u0000ve,,,,\r\n";
        MatrixCsv.Parsed p = MatrixCsv.parse(body.getBytes(StandardCharsets.UTF_8));
        assertEquals("2:holder:mandate.error.maxChars 3:note:mandate.error.maxChars 4:backup:mandate.error.nul", errors(p));
    }

    @Test
    public void moreThanTheMaximumNumberOfRowsStopsAtTheFirstOneTooMany() {
        StringBuilder body = new StringBuilder(HEADER);
        for (int i = 0; i <= MatrixCsv.MAX_ROWS; i++) {
            body.append("ARCH,user,u").append(i).append(",5,,,,,\n");
        }
        MatrixCsv.Parsed p = MatrixCsv.parse(body.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals((MatrixCsv.MAX_ROWS + 2) + ":null:mandate.csv.error.tooManyRows", errors(p));
    }

    @Test
    public void cellsThatASpreadsheetWouldRunAsFormulasAreWrittenWithALeadingQuote() throws IOException {
        String csv = write(List.of(row("ARCH", Principal.Type.USER, "@alice", Level.ADVISE, "-bob", "+carol", null, null,
                "=HYPERLINK(\"http://evil\",\"x\")")));
        String line = csv.split("\r\n")[1];
        assertEquals("ARCH,user,'@alice,ADVISE,'-bob,'+carol,,,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"", line);
        for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertEquals("'" + start + "1", MatrixCsv.neutralise(start + "1"));
        }
        assertEquals("plain text is left alone", "a=b", MatrixCsv.neutralise("a=b"));
        assertEquals("a quote before other text is left alone", "'quoted'", MatrixCsv.neutralise("'quoted'"));
    }

    @Test
    public void neutralisationRoundTripsExactlyAlsoForCellsThatStartWithQuotes() throws IOException {
        List<String> notes = List.of("=1+1", "'=1+1", "''=1+1", "'plain", "''", "'", "-", "\tindented", "\r\nx", "@home", "a'=b");
        for (String note : notes) {
            assertEquals(note, MatrixCsv.unneutralise(MatrixCsv.neutralise(note)));
        }
        List<MatrixCsv.Row> rows = notes.stream().map(n -> row("ARCH", Principal.Type.USER, "alice", Level.SELL, null, null,
                null, null, n)).toList();
        MatrixCsv.Parsed p = MatrixCsv.parse(write(rows).getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), p.errors());
        assertEquals(notes, p.rows().stream().map(MatrixCsv.Row::note).toList());
    }

    @Test
    public void onImportExactlyOneAddedQuoteIsRemoved() {
        MatrixCsv.Parsed p = MatrixCsv.parse((HEADER + "ARCH,user,'@alice,5,,,,,'=SUM(A1)\r\n" + "ARCH,user,bob,5,,,,,''-x\r\n"
                + "ARCH,user,carol,5,,,,,'text\r\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), p.errors());
        assertEquals("@alice", p.rows().get(0).holder());
        assertEquals("=SUM(A1)", p.rows().get(0).note());
        assertEquals("'-x", p.rows().get(1).note());
        assertEquals("'text", p.rows().get(2).note());
    }
}
