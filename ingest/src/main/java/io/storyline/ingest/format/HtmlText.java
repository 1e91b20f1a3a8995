package io.storyline.ingest.format;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to the plain text of an article, paragraphs kept: block elements become paragraphs, {@code <br>} a line
 * break, and what is page furniture rather than article (scripts, navigation, figure captions, forms) is left out.
 */
public final class HtmlText {

    private static final Pattern MARKUP = Pattern.compile(
            "<(p|br|div|span|a|b|i|em|strong|ul|ol|li|h[1-6]|img|figure|figcaption|table|tr|td|blockquote|article|"
                    + "section|header|footer|nav|aside|script|style|iframe|pre|code|small|sup|sub)\\b[^>]*>"
                    + "|</(p|div|span|a|b|i|em|strong|li|h[1-6]|figure|blockquote|article|section)>"
                    + "|&(amp|lt|gt|quot|apos|nbsp|mdash|ndash|rsquo|lsquo|rdquo|ldquo|hellip|#\\d{1,7}|#x[0-9a-fA-F]{1,6});",
            Pattern.CASE_INSENSITIVE);

    /** Elements whose content is never article text. */
    private static final String FURNITURE = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
            + "nav, aside, form, button, select, figcaption, [hidden], [aria-hidden=true]";

    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "div", "h1", "h2", "h3", "h4", "h5",
            "h6", "li", "ul", "ol", "blockquote", "section", "article", "header", "footer", "main", "table", "tr",
            "pre", "figure", "dl", "dt", "dd", "hr", "address", "body");

    private HtmlText() {
    }

    /** Whether a body holds markup or entities worth cleaning, rather than text with a stray angle bracket. */
    public static boolean looksLikeHtml(String text) {
        return text.indexOf('<') >= 0 || text.indexOf('&') >= 0 ? MARKUP.matcher(text).find() : false;
    }

    /** The text of an HTML fragment (a feed item's description, a CMS body field). */
    public static String fragmentText(String html) {
        return text(Jsoup.parseBodyFragment(html).body());
    }

    /** The text of an element, furniture removed, paragraphs separated by a blank line. */
    public static String text(Element root) {
        Element copy = root.clone();
        copy.select(FURNITURE).remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText().replaceAll("\\s+", " "));
                } else if (node instanceof Element element) {
                    if (element.normalName().equals("br")) {
                        out.append('\n');
                    } else if (BLOCKS.contains(element.normalName())) {
                        out.append("\n\n");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    out.append("\n\n");
                }
            }
        }, copy);
        return out.toString();
    }

    /** Parses a whole page; jsoup repairs whatever markup it is given and never fails. */
    public static Document page(String html) {
        return Jsoup.parse(html);
    }
}
