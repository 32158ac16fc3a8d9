package io.mandate.decision;

import io.mandate.platform.People;

import io.mandate.platform.Principal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/** Reading the decision input of the REST contract: every wrong field is named, nothing wrong slips through. */
public class DecisionInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Field → English text of the problem. */
    private final Map<String, String> errors = new LinkedHashMap<>();

    private DecisionInput read(ObjectNode body) {
        Map<String, io.mandate.platform.rest.Message> problems = new LinkedHashMap<>();
        DecisionInput input = DecisionInput.read(body, problems);
        problems.forEach((field, message) -> errors.put(field, message.english()));
        return input;
    }

    private static ObjectNode body() {
        return JSON.createObjectNode();
    }

    private void assertOnlyError(String field) {
        assertEquals(errors.toString(), Set.of(field), errors.keySet());
    }

    @Test
    public void completeInputIsReadWithoutErrors() {
        ObjectNode b = body().put("status", "in_progress").put("driver", " alice ").put("approver", "bob")
                .put("dueDate", "2026-12-01").put("outcome", "Kafka").put("version", 3);
        b.putArray("contributors").add("carol");
        b.putArray("informed").add(body().put("type", "GROUP").put("name", "developers"));
        DecisionInput in = read(b);
        assertEquals(Map.of(), errors);
        assertEquals(new DecisionInput(DecisionStatus.IN_PROGRESS, "alice", "bob", List.of("carol"),
                List.of(new People.Named(Principal.Type.GROUP, "developers")), LocalDate.of(2026, 12, 1),
                "Kafka", null, 3), in);
    }

    @Test
    public void nullValuesCountAsAbsent() {
        ObjectNode b = body().putNull("status").putNull("approver").putNull("contributors").putNull("dueDate")
                .putNull("version");
        DecisionInput in = read(b);
        assertEquals(Map.of(), errors);
        assertNull(in.status());
        assertEquals(List.of(), in.contributors());
        assertNull(in.version());
    }

    @Test
    public void unknownFieldIsNamed() {
        read(body().put("aprover", "bob"));
        assertOnlyError("aprover");
    }

    @Test
    public void unknownStatusIsNamed() {
        read(body().put("status", "DONE"));
        assertOnlyError("status");
    }

    @Test
    public void numberForStatusIsNamed() {
        read(body().put("status", 3));
        assertOnlyError("status");
    }

    @Test
    public void stringForContributorsIsNamed() {
        read(body().put("contributors", "carol"));
        assertOnlyError("contributors");
    }

    @Test
    public void numberAmongContributorsIsNamed() {
        ObjectNode b = body();
        b.putArray("contributors").add("carol").add(7);
        read(b);
        assertOnlyError("contributors");
    }

    @Test
    public void objectForDueDateIsNamed() {
        ObjectNode b = body();
        b.putObject("dueDate").put("year", 2026);
        read(b);
        assertOnlyError("dueDate");
    }

    @Test
    public void objectForApproverIsNamed() {
        ObjectNode b = body();
        b.putObject("approver").put("name", "bob");
        read(b);
        assertOnlyError("approver");
    }

    @Test
    public void dueDateInOtherFormatsIsNamed() {
        for (String date : List.of("2026/12/01", "01.12.2026", "2026-12-1", "26-12-01", "2026-12-01T00:00:00Z",
                "+2026-12-01", " 2026-12-01", "\u0662\u0660\u0662\u0666-\u0661\u0662-\u0660\u0661")) {
            errors.clear();
            read(body().put("dueDate", date));
            assertEquals(date, Set.of("dueDate"), errors.keySet());
        }
    }

    @Test
    public void dueDateThatIsNoCalendarDayIsNamed() {
        for (String date : List.of("2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-04-31")) {
            errors.clear();
            read(body().put("dueDate", date));
            assertEquals(date, Set.of("dueDate"), errors.keySet());
        }
    }

    @Test
    public void reviewDateIsReadExactlyAsYearMonthDay() {
        DecisionInput in = read(body().put("reviewDate", "2027-05-01"));
        assertEquals(Map.of(), errors);
        assertEquals(LocalDate.of(2027, 5, 1), in.reviewDate());
        assertNull("no due date for a review date", in.dueDate());
        assertEquals(LocalDate.of(2028, 2, 29), read(body().put("reviewDate", "2028-02-29")).reviewDate());
        assertEquals(Map.of(), errors);
    }

    @Test
    public void reviewDateNullOrAbsentIsNone() {
        assertNull(read(body().putNull("reviewDate")).reviewDate());
        assertNull(read(body()).reviewDate());
        assertEquals(Map.of(), errors);
    }

    @Test
    public void reviewDateInOtherFormatsOrNoCalendarDayIsNamed() {
        for (String date : List.of("2027/05/01", "01.05.2027", "2027-5-1", "27-05-01", "2027-05-01T00:00:00Z",
                "+2027-05-01", "2027-05-01 ", "2026-02-29", "2027-13-01", "2027-04-31",
                "\u0662\u0660\u0662\u0667-\u0660\u0665-\u0660\u0661")) {
            errors.clear();
            read(body().put("reviewDate", date).put("dueDate", "2027-01-01"));
            assertEquals(date, Set.of("reviewDate"), errors.keySet());
        }
    }

    @Test
    public void reviewDateOfAnotherJsonTypeIsNamed() {
        ObjectNode b = body().put("reviewDate", 20270501);
        read(b);
        assertOnlyError("reviewDate");
        errors.clear();
        ObjectNode o = body();
        o.putObject("reviewDate").put("year", 2027);
        read(o);
        assertOnlyError("reviewDate");
        errors.clear();
        ObjectNode a = body();
        a.putArray("reviewDate").add("2027-05-01");
        read(a);
        assertOnlyError("reviewDate");
    }

    @Test
    public void aMisspelledReviewDateIsRejectedNotIgnored() {
        read(body().put("reviewdate", "2027-05-01"));
        assertOnlyError("reviewdate");
    }

    @Test
    public void leapDayIsAValidDueDate() {
        assertEquals(LocalDate.of(2028, 2, 29), read(body().put("dueDate", "2028-02-29")).dueDate());
        assertEquals(Map.of(), errors);
    }

    @Test
    public void nulCharacterInATextFieldIsNamed() {
        read(body().put("outcome", "Kafka\u0000"));
        assertOnlyError("outcome");
    }

    @Test
    public void nulCharacterInAUsernameIsNamed() {
        read(body().put("approver", "bob\u0000admin"));
        assertOnlyError("approver");
    }

    @Test
    public void nulCharacterInAContributorIsNamed() {
        ObjectNode b = body();
        b.putArray("contributors").add("ca\u0000rol");
        read(b);
        assertOnlyError("contributors");
    }

    @Test
    public void nulCharacterInAnInformedNameIsNamed() {
        ObjectNode b = body();
        b.putArray("informed").add(body().put("type", "user").put("name", "ca\u0000rol"));
        read(b);
        assertOnlyError("informed");
    }

    @Test
    public void negativeVersionIsNamed() {
        read(body().put("version", -1));
        assertOnlyError("version");
    }

    @Test
    public void fractionalVersionIsNamed() {
        read(body().put("version", 1.5));
        assertOnlyError("version");
    }

    @Test
    public void versionAsStringIsNamed() {
        read(body().put("version", "3"));
        assertOnlyError("version");
    }

    @Test
    public void versionBeyondIntIsNamed() {
        read(body().put("version", 2_147_483_648L));
        assertOnlyError("version");
    }

    @Test
    public void hugeVersionIsNamed() {
        read(body().put("version", new BigInteger("1" + "0".repeat(40))));
        assertOnlyError("version");
    }

    @Test
    public void versionZeroIsAccepted() {
        assertEquals(Integer.valueOf(0), read(body().put("version", 0)).version());
        assertEquals(Map.of(), errors);
    }

    @Test
    public void informedEntryWithUnknownTypeIsNamed() {
        ObjectNode b = body();
        b.putArray("informed").add(body().put("type", "role").put("name", "admins"));
        read(b);
        assertOnlyError("informed");
    }

    @Test
    public void informedEntryWithNumericTypeIsNamed() {
        ObjectNode b = body();
        b.putArray("informed").add(body().put("type", 1).put("name", "carol"));
        read(b);
        assertOnlyError("informed");
    }

    @Test
    public void informedEntryThatIsAPlainNameIsNamed() {
        ObjectNode b = body();
        b.putArray("informed").add("carol");
        read(b);
        assertOnlyError("informed");
    }

    @Test
    public void informedEntryWithoutNameIsNamed() {
        ObjectNode b = body();
        b.putArray("informed").add(body().put("type", "user"));
        read(b);
        assertOnlyError("informed");
    }

    @Test
    public void informedThatIsNotAListIsNamed() {
        read(body().put("informed", "developers"));
        assertOnlyError("informed");
    }

    @Test
    public void contributorsListOf300IsRejected() {
        read(body().set("contributors", names(300)));
        assertOnlyError("contributors");
    }

    @Test
    public void contributorsListOf200IsAccepted() {
        assertEquals(200, read(body().set("contributors", names(200))).contributors().size());
        assertEquals(Map.of(), errors);
    }

    @Test
    public void informedListOf300IsRejected() {
        ArrayNode list = JSON.createArrayNode();
        for (int i = 0; i < 300; i++) {
            list.add(body().put("type", "user").put("name", "user" + i));
        }
        read(body().set("informed", list));
        assertOnlyError("informed");
    }

    @Test
    public void overlongUsernameIsNamed() {
        read(body().put("driver", "a".repeat(DecisionInput.MAX_NAME + 1)));
        assertOnlyError("driver");
    }

    @Test
    public void overlongOutcomeIsNamed() {
        read(body().put("outcome", "x".repeat(DecisionService.MAX_OUTCOME + 1)));
        assertOnlyError("outcome");
    }

    @Test
    public void everyWrongFieldIsNamedAtOnce() {
        ObjectNode b = body().put("status", 3).put("contributors", "carol").put("version", -2).put("colour", "red");
        b.putObject("dueDate");
        read(b);
        assertEquals(Set.of("status", "contributors", "version", "colour", "dueDate"), errors.keySet());
    }

    private static ArrayNode names(int count) {
        ArrayNode list = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            list.add("user" + i);
        }
        return list;
    }
}
