package io.storyline.enrich.eval.timex;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads TimeML files with a parser that resolves no external entities or DTDs (evaluation data is not trusted
 * input). The plain text is the TEXT element's character content with all markup removed, the TIMEX3 spans are
 * offsets into it, and the DCT is the TIMEX3 marked as creation time.
 */
final class TimemlReader {

    /** A TimeML file that cannot be evaluated, with the reason in one line. */
    static final class InvalidTimemlException extends Exception {
        InvalidTimemlException(String message) {
            super(message);
        }
    }

    private final DocumentBuilder builder;

    /** Reports problems through the exception alone (the default handler also prints them to stderr). */
    private static final class SilentErrors implements org.xml.sax.ErrorHandler {
        @Override
        public void warning(org.xml.sax.SAXParseException e) {
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }
    }

    TimemlReader() {
        try {
            // the JDK's own parser, whatever other XML parsers the classpath brings (CoreNLP pulls in Xerces)
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            this.builder = factory.newDocumentBuilder();
            this.builder.setErrorHandler(new SilentErrors());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured safely", e);
        }
    }

    TimemlDocument read(Path file, String corpus) throws IOException, InvalidTimemlException {
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = builder.parse(in);
        } catch (SAXException e) {
            throw new InvalidTimemlException(file.getFileName() + " is not well-formed XML: " + e.getMessage());
        }
        NodeList texts = doc.getElementsByTagName("TEXT");
        if (texts.getLength() != 1) {
            throw new InvalidTimemlException(file.getFileName() + " has " + texts.getLength() + " TEXT elements, expected 1");
        }
        LocalDate dct = creationDate(doc, file);
        StringBuilder text = new StringBuilder();
        List<GoldTimex> timexes = new ArrayList<>();
        collect(texts.item(0), text, timexes);
        String name = file.getFileName().toString();
        return new TimemlDocument(name, corpus, text.toString(), dct, List.copyOf(timexes));
    }

    private static LocalDate creationDate(Document doc, Path file) throws InvalidTimemlException {
        NodeList timexes = doc.getElementsByTagName("TIMEX3");
        for (int i = 0; i < timexes.getLength(); i++) {
            Element timex = (Element) timexes.item(i);
            if ("CREATION_TIME".equals(timex.getAttribute("functionInDocument"))) {
                String value = timex.getAttribute("value");
                try {
                    return LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value);
                } catch (DateTimeParseException e) {
                    throw new InvalidTimemlException(file.getFileName() + ": creation time '" + value + "' is not a date");
                }
            }
        }
        throw new InvalidTimemlException(file.getFileName() + " has no TIMEX3 with functionInDocument=\"CREATION_TIME\"");
    }

    private static void collect(Node node, StringBuilder text, List<GoldTimex> timexes) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(child.getNodeValue());
                case Node.ELEMENT_NODE -> {
                    int start = text.length();
                    collect(child, text, timexes);
                    Element element = (Element) child;
                    if (element.getTagName().equals("TIMEX3")
                            && !"CREATION_TIME".equals(element.getAttribute("functionInDocument"))) {
                        timexes.add(new GoldTimex(start, text.length(), element.getAttribute("type"),
                                element.getAttribute("value")));
                    }
                }
                default -> {
                }
            }
        }
    }
}
