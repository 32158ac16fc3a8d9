package io.mandate.accountability;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

/**
 * A chart as the tests read it: parsed by a parser that refuses DTDs and external entities (what a careful consumer
 * of the SVG would use), so a chart that does not parse, or smuggles a DOCTYPE, fails the test.
 */
final class SvgDocument {

    final String source;
    final Element root;

    private SvgDocument(String source, Element root) {
        this.source = source;
        this.root = root;
    }

    static SvgDocument parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            Document d = b.parse(new InputSource(new StringReader(svg)));
            return new SvgDocument(svg, d.getDocumentElement());
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }

    /** The element with this id. */
    Element byId(String id) {
        Element e = find(id);
        assertNotNull("no element with id " + id + " in\n" + source, e);
        return e;
    }

    /** The element with this id, or null. */
    Element find(String id) {
        for (Element e : all(root)) {
            if (e.getAttribute("id").equals(id)) {
                return e;
            }
        }
        return null;
    }

    /** The element and all below it, in document order. */
    static List<Element> all(Element from) {
        List<Element> out = new ArrayList<>();
        out.add(from);
        NodeList nodes = from.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** The elements of this name below {@code from}, in document order. */
    static List<Element> named(Element from, String name) {
        return all(from).stream().filter(e -> e != from && e.getLocalName().equals(name)).toList();
    }

    /** The direct element children. */
    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** A text element's own text, without that of its {@code <title>} child. */
    static String ownText(Element text) {
        StringBuilder s = new StringBuilder();
        for (Node n = text.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE) {
                s.append(n.getNodeValue());
            }
        }
        return s.toString();
    }

    /** The text of a {@code <title>} child, or null. */
    static String titleOf(Element e) {
        return children(e).stream().filter(c -> c.getLocalName().equals("title")).map(Node::getTextContent).findFirst().orElse(null);
    }

    /** The own texts of all {@code <text>} elements below {@code from}. */
    static List<String> texts(Element from) {
        return named(from, "text").stream().map(SvgDocument::ownText).toList();
    }

    static double number(Element e, String attribute) {
        String value = e.getAttribute(attribute);
        assertEquals("a plain number, no locale: " + value, true, value.matches("-?\\d+(\\.\\d+)?"));
        return Double.parseDouble(value);
    }
}
