package io.mandate.refhost.confluence;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.stax.WstxInputFactory;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Tag;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads Confluence's storage format: XHTML with Confluence's own elements ({@code ac:structured-macro},
 * {@code ac:parameter}, {@code ac:rich-text-body}, {@code ac:link}, {@code ri:page}, …). Like Confluence, it parses a
 * body with Woodstox as XML wrapped in an {@code <xml>} element, knows the HTML named entities ({@code &nbsp;},
 * {@code &eacute;}, …) and refuses what is not well-formed with Woodstox's message — the message Confluence's
 * content REST API answers with ("Error parsing xhtml: Unexpected close tag &lt;/xml&gt;; expected &lt;/p&gt;."). The
 * prefixes {@code ac:} and {@code ri:} need no declaration. The result is a tree to render; the text stays as
 * stored, so a client reads back exactly what it wrote.
 */
public final class StorageFormat {

    /** The element every body is read inside, as Confluence wraps it. */
    public static final String WRAPPER = "xml";

    private StorageFormat() {
    }

    /**
     * The body as a tree under a {@value #WRAPPER} element: elements keep their qualified names
     * ({@code ac:structured-macro}), CDATA sections stay {@link CDataNode}s, entities are resolved.
     *
     * @throws StorageFormatException when the body is not well-formed XML
     */
    public static Element parse(String storage) throws StorageFormatException {
        Element root = new Element(tag(WRAPPER), "");
        Deque<Element> open = new ArrayDeque<>();
        open.push(root);
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new StringReader("<" + WRAPPER + ">" + storage + "</" + WRAPPER + ">"));
            reader.next(); // the wrapper
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Attributes attributes = new Attributes();
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            attributes.put(qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i)),
                                    reader.getAttributeValue(i));
                        }
                        Element element = new Element(tag(qualified(reader.getPrefix(), reader.getLocalName())), "", attributes);
                        open.peek().appendChild(element);
                        open.push(element);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.pop();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().appendChild(new TextNode(reader.getText()));
                        }
                    }
                    case XMLStreamConstants.CDATA -> open.peek().appendChild(new CDataNode(reader.getText()));
                    default -> {
                        // comments and processing instructions are not content
                    }
                }
            }
            return root;
        } catch (XMLStreamException e) {
            throw new StorageFormatException("Error parsing xhtml: " + e.getMessage(), e);
        } catch (WstxLazyException e) {
            // text is parsed when it is read: its error arrives wrapped, the parser's own message inside
            throw new StorageFormatException("Error parsing xhtml: " + e.getCause().getMessage(), e);
        } finally {
            close(reader);
        }
    }

    /** Whether the body is well-formed storage format. */
    public static boolean isWellFormed(String storage) {
        try {
            parse(storage);
            return true;
        } catch (StorageFormatException e) {
            return false;
        }
    }

    private static XMLInputFactory factory() {
        WstxInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(WstxInputProperties.P_UNDECLARED_ENTITY_RESOLVER, (XMLResolver) StorageFormat::htmlEntity);
        return factory;
    }

    /**
     * An HTML named entity as numeric character references (Woodstox passes the entity's name as the last argument);
     * references, not the characters, so {@code &LT;} stays text and never becomes markup. Unknown names stay an error.
     */
    private static Object htmlEntity(String publicId, String systemId, String baseUri, String entityName) {
        String value = entityName == null ? "" : Entities.getByName(entityName);
        if (value.isEmpty()) {
            return null;
        }
        StringBuilder references = new StringBuilder();
        value.codePoints().forEach(cp -> references.append("&#").append(cp).append(';'));
        return new StringReader(references.toString());
    }

    private static String qualified(String prefix, String localName) {
        return prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    private static Tag tag(String name) {
        return Tag.valueOf(name, ParseSettings.preserveCase);
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was held open
            }
        }
    }
}
