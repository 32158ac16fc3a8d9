package io.mandate.authority;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.platform.Principal;
import io.mandate.platform.rest.Message;
import org.junit.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/** The readers of domain, grant and absence bodies: what they accept, and every bad field named at once. */
public class AuthorityInputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode body(String json) {
        try {
            return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> english(Map<String, Message> errors) {
        Map<String, String> m = new LinkedHashMap<>();
        errors.forEach((k, v) -> m.put(k, v.english()));
        return m;
    }

    // ---- DomainInput --------------------------------------------------------------------------------------

    @Test
    public void aDomainIsReadWithItsScopeProjectsAndSpacesInCapitals() {
        Map<String, Message> errors = new LinkedHashMap<>();
        DomainInput in = DomainInput.read(body("{'key':'ARCH','name':' Architecture ','description':'How we build',"
                + "'scope':{'projects':['demo','DEMO','ops'],'issueTypes':['Story'],'components':['Backend','Backend'],"
                + "'labels':['ux'],'spaces':['team']},'version':3}"), errors);
        assertEquals(Map.of(), english(errors));
        assertEquals("ARCH", in.key());
        assertEquals("Architecture", in.name());
        assertEquals("How we build", in.description());
        assertEquals(List.of("DEMO", "OPS"), in.scope().projects());
        assertEquals(List.of("Story"), in.scope().issueTypes());
        assertEquals(List.of("Backend"), in.scope().components());
        assertEquals(List.of("ux"), in.scope().labels());
        assertEquals(List.of("TEAM"), in.scope().spaces());
        assertEquals(Integer.valueOf(3), in.version());
    }

    @Test
    public void aDomainWithoutScopeHasAnEmptyOneThatMatchesNothing() {
        Map<String, Message> errors = new LinkedHashMap<>();
        DomainInput in = DomainInput.read(body("{'key':'HIRING','name':'Hiring'}"), errors);
        assertTrue(errors.isEmpty());
        assertEquals(0, in.scope().specificity());
        assertTrue(in.scope().projects().isEmpty());
    }

    @Test
    public void everyBadDomainFieldIsNamed() {
        Map<String, Message> errors = new LinkedHashMap<>();
        DomainInput.read(body("{'key':'1ab','name':'','description':7,'scope':{'projects':'DEMO','labels':[''],'colour':[]},"
                + "'version':-1,'extra':true}"), errors);
        assertEquals(List.of("extra", "key", "name", "description", "scope.colour", "scope.projects", "scope.labels", "version"),
                List.copyOf(errors.keySet()));
        assertTrue(errors.get("key").english().contains("1ab"));
        assertEquals("Required.", errors.get("name").english());
    }

    @Test
    public void domainKeysFollowTheContract() {
        for (String ok : List.of("AB", "ARCH", "A1", "SPEND_10K", "A" + "B".repeat(19))) {
            Map<String, Message> errors = new LinkedHashMap<>();
            assertEquals(ok, DomainInput.read(body("{'key':'" + ok + "','name':'n'}"), errors).key());
            assertTrue(ok + ": " + english(errors), errors.isEmpty());
        }
        for (String bad : List.of("A", "1A", "_A", "arch", "AR-CH", "AR CH", "A" + "B".repeat(20), "\u00C4B")) {
            Map<String, Message> errors = new LinkedHashMap<>();
            DomainInput.read(body("{'key':'" + bad + "','name':'n'}"), errors);
            assertTrue(bad, errors.containsKey("key"));
        }
        Map<String, Message> errors = new LinkedHashMap<>();
        DomainInput.read(body("{'name':'n','scope':'DEMO'}"), errors);
        assertEquals(List.of("scope"), List.copyOf(errors.keySet()));
    }

    // ---- GrantInput ---------------------------------------------------------------------------------------

    @Test
    public void aGrantIsReadWithLevelAsNumberOrNameAndWhatGetReturnedMayBeSentBack() {
        Map<String, Message> errors = new LinkedHashMap<>();
        GrantInput in = GrantInput.read(body("{'id':12,'domain':'ARCH','holder':{'type':'User','name':' alice ','displayName':'Alice'},"
                + "'level':5,'levelName':'ADVISE','backup':'bob','mentee':'carol','validFrom':'2026-01-01','validTo':'2027-06-30',"
                + "'note':'n','version':2}"), errors);
        assertEquals(Map.of(), english(errors));
        assertEquals(Principal.Type.USER, in.holderType());
        assertEquals("alice", in.holderName());
        assertEquals(Level.ADVISE, in.level());
        assertEquals("bob", in.backup());
        assertEquals("carol", in.mentee());
        assertEquals(LocalDate.of(2026, 1, 1), in.validFrom());
        assertEquals(LocalDate.of(2027, 6, 30), in.validTo());
        assertEquals(Integer.valueOf(2), in.version());
        for (String level : List.of("'delegate'", "' Delegate '", "7")) {
            Map<String, Message> e = new LinkedHashMap<>();
            assertEquals(level, Level.DELEGATE, GrantInput.read(body("{'holder':{'type':'group','name':'developers'},'level':" + level + "}"), e).level());
            assertTrue(level + ": " + english(e), e.isEmpty());
        }
    }

    @Test
    public void levelsOutsideOneToSevenAndNonLevelsAreRefused() {
        for (String level : List.of("0", "8", "-1", "'SUPREME'", "1.5", "5.0", "true", "[5]", "{}", "''", "'0'", "'8'", "'5.0'",
                "'\\uFF15'", "'7'", "2147483648", "'ADVISE\\u0000'", "'\\u0000ADVISE'", "null")) {
            Map<String, Message> errors = new LinkedHashMap<>();
            GrantInput in = GrantInput.read(body("{'holder':{'type':'user','name':'alice'},'level':" + level + "}"), errors);
            assertNull(level, in.level());
            assertEquals(level, List.of("level"), List.copyOf(errors.keySet()));
        }
    }

    @Test
    public void everyBadGrantFieldIsNamed() {
        Map<String, Message> errors = new LinkedHashMap<>();
        GrantInput.read(body("{'holder':{'type':'robot','name':'r2'},'level':9,'backup':1,'mentee':['x'],'validFrom':'2027-02-30',"
                + "'validTo':'tomorrow','note':'a\\u0000','version':'1','colour':'red'}"), errors);
        assertEquals(List.of("colour", "holder", "level", "backup", "mentee", "validFrom", "validTo", "note", "version"),
                List.copyOf(errors.keySet()));
    }

    @Test
    public void holdersMustBeATypedNameWithoutStrangers() {
        for (String holder : List.of("'alice'", "{}", "{'type':'user'}", "{'name':'alice'}", "{'type':'user','name':''}",
                "{'type':'user','name':'a\\u0000'}", "{'type':1,'name':'alice'}", "{'type':'user','name':'alice','colour':1}",
                "{'type':'user','name':'alice','key':'JIRAUSER10001'}", "null")) {
            Map<String, Message> errors = new LinkedHashMap<>();
            GrantInput.read(body("{'holder':" + holder + ",'level':5}"), errors);
            assertEquals(holder, List.of("holder"), List.copyOf(errors.keySet()));
        }
    }

    @Test
    public void aValidityWindowEndsNoEarlierThanItStarts() {
        Map<String, Message> errors = new LinkedHashMap<>();
        GrantInput.read(body("{'holder':{'type':'user','name':'alice'},'level':5,'validFrom':'2027-01-02','validTo':'2027-01-01'}"), errors);
        assertEquals(List.of("validTo"), List.copyOf(errors.keySet()));
        errors.clear();
        GrantInput.read(body("{'holder':{'type':'user','name':'alice'},'level':5,'validFrom':'2027-01-01','validTo':'2027-01-01'}"), errors);
        assertTrue("a one-day window", errors.isEmpty());
    }

    // ---- AbsenceInput -------------------------------------------------------------------------------------

    @Test
    public void anAbsenceIsReadAndUserDefaultsToNobody() {
        Map<String, Message> errors = new LinkedHashMap<>();
        AbsenceInput in = AbsenceInput.read(body("{'from':'2027-01-01','to':'2027-01-05','note':'Ski'}"), errors);
        assertTrue(errors.isEmpty());
        assertNull("the service takes the caller", in.user());
        assertEquals(LocalDate.of(2027, 1, 1), in.from());
        assertEquals(LocalDate.of(2027, 1, 5), in.to());
        assertEquals("Ski", in.note());
        assertEquals("carol", AbsenceInput.read(body("{'user':'carol','from':'2027-01-01','to':'2027-01-01'}"), errors).user());
        assertTrue("a one-day absence", errors.isEmpty());
    }

    @Test
    public void anAbsenceNeedsFromAndToInOrderAndAtMostAYear() {
        Map<String, Message> errors = new LinkedHashMap<>();
        AbsenceInput.read(body("{}"), errors);
        assertEquals(List.of("from", "to"), List.copyOf(errors.keySet()));
        errors.clear();
        AbsenceInput.read(body("{'from':'2027-01-05','to':'2027-01-04'}"), errors);
        assertEquals(List.of("to"), List.copyOf(errors.keySet()));
        assertEquals("Must not be before from.", errors.get("to").english());
        errors.clear();
        AbsenceInput.read(body("{'from':'2027-01-01','to':'2028-01-02'}"), errors);
        assertEquals("367 days", List.of("to"), List.copyOf(errors.keySet()));
        errors.clear();
        AbsenceInput.read(body("{'from':'2027-01-01','to':'2028-01-01'}"), errors);
        assertTrue("366 days, a leap year's worth, is allowed: " + english(errors), errors.isEmpty());
        errors.clear();
        AbsenceInput.read(body("{'user':3,'from':'2027-13-01','to':20270101,'note':['x'],'x':1}"), errors);
        assertEquals(List.of("x", "user", "from", "to", "note"), List.copyOf(errors.keySet()));
    }
}
