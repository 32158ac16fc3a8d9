package io.mandate.refhost.confluence;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** Reading the storage format as Confluence reads it: XML, HTML entities, Confluence's parse errors. */
public class StorageFormatTest {

    @Test
    public void macrosParametersAndBodiesKeepTheirQualifiedNames() throws Exception {
        Element root = StorageFormat.parse("<p>a</p><ac:structured-macro ac:name=\"code\" ac:schema-version=\"1\" ac:macro-id=\"m-1\">"
                + "<ac:parameter ac:name=\"language\">xml</ac:parameter>"
                + "<ac:plain-text-body><![CDATA[<b>not markup</b> & more]]></ac:plain-text-body></ac:structured-macro>");
        Element macro = root.child(1);
        assertEquals("ac:structured-macro", macro.tagName());
        assertEquals("code", macro.attr("ac:name"));
        assertEquals("1", macro.attr("ac:schema-version"));
        assertEquals("m-1", macro.attr("ac:macro-id"));
        assertEquals("xml", macro.child(0).wholeText());
        assertTrue("a CDATA section stays one", macro.child(1).childNode(0) instanceof CDataNode);
        assertEquals("<b>not markup</b> & more", macro.child(1).wholeText());
    }

    @Test
    public void htmlNamedEntitiesAreKnownAsConfluenceKnowsThem() throws Exception {
        assertEquals("a\u00a0b \u2014 \u00e9 & <", StorageFormat.parse("<p>a&nbsp;b &mdash; &eacute; &amp; &lt;</p>").wholeText());
    }

    @Test
    public void anEntityNamingMarkupStaysText() throws Exception {
        Element root = StorageFormat.parse("<p>&LT;script&GT;</p>");
        assertEquals("<script>", root.wholeText());
        assertEquals("no element came out of an entity", 1, root.getAllElements().size() - 1);
    }

    @Test
    public void aBodyThatIsNotWellFormedIsRefusedWithConfluencesMessage() {
        StorageFormatException unclosed = assertThrows(StorageFormatException.class, () -> StorageFormat.parse("<p>unclosed"));
        assertTrue(unclosed.getMessage(), unclosed.getMessage().startsWith(
                "Error parsing xhtml: Unexpected close tag </xml>; expected </p>.\n at [row,col {unknown-source}]: [1,"));
        StorageFormatException br = assertThrows(StorageFormatException.class, () -> StorageFormat.parse("<p>a</br></p>"));
        assertTrue(br.getMessage(), br.getMessage().startsWith("Error parsing xhtml: Unexpected close tag </br>; expected </p>."));
        assertThrows(StorageFormatException.class, () -> StorageFormat.parse("<p a=1>x</p>"));
        assertThrows(StorageFormatException.class, () -> StorageFormat.parse("<p>&nosuchentity;</p>"));
        assertThrows(StorageFormatException.class, () -> StorageFormat.parse("<p>a & b</p>"));
        assertFalse(StorageFormat.isWellFormed("<ac:structured-macro ac:name=\"x\"><ac:parameter>"));
        assertTrue(StorageFormat.isWellFormed(""));
    }

    @Test
    public void aDoctypeCannotBringEntitiesIn() {
        StorageFormatException e = assertThrows(StorageFormatException.class, () -> StorageFormat.parse(
                "<!DOCTYPE x [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]><p>&secret;</p>"));
        assertFalse(e.getMessage(), e.getMessage().contains("root:"));
    }
}
