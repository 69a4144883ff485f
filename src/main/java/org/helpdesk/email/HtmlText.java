package org.helpdesk.email;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Readable text from an HTML mail body: jsoup parses; block elements and line breaks become new lines. */
final class HtmlText {
    private HtmlText() {
    }

    static String of(String html) {
        Element body = Jsoup.parse(html).body();
        body.select("script, style, head, title").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String value = text.text();
                    if (!value.isBlank() || (!out.isEmpty() && out.charAt(out.length() - 1) != '\n')) {
                        out.append(value);
                    }
                } else if (node instanceof Element element) {
                    if (element.normalName().equals("br")) {
                        out.append('\n');
                    } else if (element.isBlock()) {
                        newLine(out);
                    }
                    if (element.normalName().equals("li")) {
                        out.append("- ");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    newLine(out);
                }
            }
        }, body);
        return out.toString().replaceAll("[ \\t\\u00a0]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void newLine(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
