package io.vncstream.libvirt.xml;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A domain's XML, parsed (DOM, no DTDs or external entities: the text comes from the host):
 * its name, its graphics and VNC endpoint, and its character devices in document order, each
 * alias once (a {@code <console>} that is a {@code <serial>}'s has the serial's alias).
 */
public final class DomainXml {
    /** A domain's XML is a few KiB; far more is not a domain's. */
    public static final int MAX_XML = 4 * 1024 * 1024;

    private final Document doc;
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    private DomainXml(Document doc) {
        this.doc = doc;
    }

    public static DomainXml parse(String text) throws IOException {
        if (text.length() > MAX_XML) {
            throw new IOException("domain XML of " + text.length() + " characters exceeds the limit of " + MAX_XML);
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Document doc = b.parse(new InputSource(new StringReader(text)));
            if (!"domain".equals(doc.getDocumentElement().getTagName())) {
                throw new IOException("not a domain's XML: its root is <" + doc.getDocumentElement().getTagName() + ">");
            }
            return new DomainXml(doc);
        } catch (SAXException e) {
            throw new IOException("the domain XML does not parse: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return string("/domain/name");
    }

    /** The id attribute: present while the domain runs, -1 otherwise. */
    public int id() {
        String id = string("/domain/@id");
        try {
            return id.isEmpty() ? -1 : Integer.parseInt(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The types of its graphics ({@code vnc}, {@code spice}...), in order. */
    public List<String> graphicsTypes() {
        List<String> out = new ArrayList<>();
        for (Element g : elements("/domain/devices/graphics")) {
            out.add(g.getAttribute("type"));
        }
        return out;
    }

    /**
     * The VNC screen, or null when the domain has no {@code <graphics type='vnc'>} or it is not
     * live (port -1). A wildcard listen address is returned as it is; it means the host itself.
     */
    public VncEndpoint vnc() {
        List<Element> vnc = elements("/domain/devices/graphics[@type='vnc']");
        if (vnc.isEmpty()) {
            return null;
        }
        Element g = vnc.get(0);
        String password = g.hasAttribute("passwd") ? g.getAttribute("passwd") : null;
        for (Element l : children(g, "listen")) {
            if (l.getAttribute("type").equals("socket") && !l.getAttribute("socket").isEmpty()) {
                return new VncEndpoint(null, -1, l.getAttribute("socket"), password);
            }
        }
        if (g.hasAttribute("socket")) {
            return new VncEndpoint(null, -1, g.getAttribute("socket"), password);
        }
        int port;
        try {
            port = Integer.parseInt(g.getAttribute("port"));
        } catch (NumberFormatException e) {
            return null;
        }
        if (port <= 0 || port > 65535) {
            return null;
        }
        String listen = g.getAttribute("listen");
        for (Element l : children(g, "listen")) {
            if (!l.getAttribute("address").isEmpty()) {
                listen = l.getAttribute("address");
                break;
            }
        }
        return new VncEndpoint(listen.isEmpty() ? "127.0.0.1" : listen, port, null, password);
    }

    /** Whether the VNC graphics are configured (whatever their state): for "no VNC" versus "not running". */
    public boolean hasVnc() {
        return graphicsTypes().contains("vnc");
    }

    /** Every serial, console, parallel and channel, each alias once, in document order. */
    public List<DomainDevice> devices() {
        List<DomainDevice> out = new ArrayList<>();
        Set<String> aliases = new LinkedHashSet<>();
        for (Element e : elements("/domain/devices/*[self::serial or self::console or self::parallel or self::channel]")) {
            String alias = attribute(e, "alias", "name");
            if (alias.isEmpty() || !aliases.add(alias)) {
                continue; // not live (no alias yet), or a console that is a serial already listed
            }
            Element source = first(e, "source");
            Element target = first(e, "target");
            String type = e.getAttribute("type");
            String path = source == null ? "" : source.getAttribute("path");
            if (path.isEmpty() && type.equals("pty")) {
                path = e.getAttribute("tty");
            }
            out.add(new DomainDevice(e.getTagName(), alias, type, path.isEmpty() ? null : path,
                    source == null ? null : emptyToNull(source.getAttribute("mode")),
                    source == null ? null : emptyToNull(source.getAttribute("host")),
                    source == null ? null : emptyToNull(source.getAttribute("service")),
                    target == null ? null : emptyToNull(target.getAttribute("type")),
                    target == null ? null : emptyToNull(target.getAttribute("name"))));
        }
        return out;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String attribute(Element parent, String child, String attribute) {
        Element c = first(parent, child);
        return c == null ? "" : c.getAttribute(attribute);
    }

    private static Element first(Element parent, String tag) {
        List<Element> c = children(parent, tag);
        return c.isEmpty() ? null : c.get(0);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private String string(String expression) {
        try {
            return (String) xpath.evaluate(expression, doc, XPathConstants.STRING);
        } catch (XPathExpressionException e) {
            throw new IllegalStateException(expression, e);
        }
    }

    private List<Element> elements(String expression) {
        try {
            NodeList nodes = (NodeList) xpath.evaluate(expression, doc, XPathConstants.NODESET);
            List<Element> out = new ArrayList<>(nodes.getLength());
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add((Element) nodes.item(i));
            }
            return out;
        } catch (XPathExpressionException e) {
            throw new IllegalStateException(expression, e);
        }
    }
}
