package io.mandate.accountability;

import io.mandate.authority.MatrixCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** {@link ReportCsv}: RFC 4180 lines and quoting, the header first, the matrix export's formula neutralisation. */
public class ReportCsvTest {

    private static final String BOM = "\uFEFF";

    private static List<List<String>> read(String csv) throws IOException {
        assertTrue("starts with a byte order mark", csv.startsWith(BOM));
        List<List<String>> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(1)), CSVFormat.RFC4180)) {
            for (CSVRecord record : parser) {
                lines.add(record.toList());
            }
        }
        return lines;
    }

    @Test
    public void theHeaderComesFirstAndEveryLineEndsWithCrLf() {
        String csv = ReportCsv.of(List.of("user", "load"), List.of(List.of("alice", "12"), List.of("bob", "3")));
        assertEquals(BOM + "user,load\r\nalice,12\r\nbob,3\r\n", csv);
    }

    @Test
    public void aHeaderWithoutRowsIsOneLine() {
        assertEquals(BOM + "user,load\r\n", ReportCsv.of(List.of("user", "load"), List.of()));
    }

    @Test
    public void cellsWithCommasQuotesOrLineBreaksAreQuotedAndReadBackAsTheyWere() throws IOException {
        List<String> row = List.of("Smith, Jane", "say \"hi\"", "line one\nline two", "cr\r\nlf", "plain");
        String csv = ReportCsv.of(List.of("a", "b", "c", "d", "e"), List.of(row));
        assertEquals(BOM + "a,b,c,d,e\r\n\"Smith, Jane\",\"say \"\"hi\"\"\",\"line one\nline two\",\"cr\r\nlf\",plain\r\n", csv);
        assertEquals(List.of(List.of("a", "b", "c", "d", "e"), row), read(csv));
    }

    @Test
    public void cellsASpreadsheetWouldRunAsFormulasGetALeadingQuote() {
        String csv = ReportCsv.of(List.of("cell"), List.of(List.of("=cmd|' /C calc'!A0"), List.of("+1"), List.of("-1"),
                List.of("@SUM(A1)"), List.of("\tx"), List.of("\rx"), List.of("a=b"), List.of("'quoted")));
        assertEquals(BOM + "cell\r\n'=cmd|' /C calc'!A0\r\n'+1\r\n'-1\r\n'@SUM(A1)\r\n'\tx\r\n\"'\rx\"\r\n" + "a=b\r\n'quoted\r\n", csv);
    }

    @Test
    public void theRuleIsExactlyTheMatrixExportsForEveryCell() throws IOException {
        List<String> cells = Arrays.asList("=1+1", "'=1+1", "''=1+1", "'plain", "+", "-", "@home", "\t", "\r\n", "a'=b",
                "=HYPERLINK(\"http://evil\",\"x\")", "", " =1", "\uFF1D1", null);
        List<List<String>> rows = cells.stream().map(c -> Arrays.asList(c, "x")).toList();
        List<List<String>> read = read(ReportCsv.of(List.of("=header", "@h"), rows));
        assertEquals("the header too", List.of("'=header", "'@h"), read.get(0));
        for (int i = 0; i < cells.size(); i++) {
            assertEquals(String.valueOf(cells.get(i)), MatrixCsv.neutralise(cells.get(i)), read.get(i + 1).get(0));
        }
    }

    @Test
    public void aNullCellIsEmpty() throws IOException {
        String csv = ReportCsv.of(List.of("a", "b", "c"), List.of(Arrays.asList("x", null, "y"), Arrays.asList(null, "x", null)));
        assertEquals("Commons CSV quotes an empty first cell, so that no line is empty",
                BOM + "a,b,c\r\nx,,y\r\n\"\",x,\r\n", csv);
        assertEquals(List.of(List.of("x", "", "y"), List.of("", "x", "")), read(csv).subList(1, 3));
    }

    @Test
    public void textOutsideAsciiIsKeptAsItIs() {
        assertEquals(BOM + "user\r\nZo\u00eb \uD83D\uDE00 \u65E5\u672C\r\n",
                ReportCsv.of(List.of("user"), List.of(List.of("Zo\u00eb \uD83D\uDE00 \u65E5\u672C"))));
    }

    @Test(expected = IllegalArgumentException.class)
    public void aRowWithMoreCellsThanTheHeaderIsAProgrammingError() {
        ReportCsv.of(List.of("a"), List.of(List.of("1", "2")));
    }
}
