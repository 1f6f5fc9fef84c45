package eventshop.topology;

/** Just enough of an XML writer for the generated files: indented lines, escaped text, comments. */
final class Xml {

    private final StringBuilder text = new StringBuilder();
    private int depth;

    Xml line(String line) {
        text.append("  ".repeat(depth)).append(line).append('\n');
        return this;
    }

    Xml open(String tag) {
        line("<" + tag + ">");
        depth++;
        return this;
    }

    Xml close(String tag) {
        depth--;
        return line("</" + tag + ">");
    }

    Xml element(String tag, Object value) {
        return line("<" + tag + ">" + escape(String.valueOf(value)) + "</" + tag + ">");
    }

    Xml comment(String comment) {
        return line("<!-- " + comment.replace("--", "- -") + " -->");
    }

    Xml blank() {
        text.append('\n');
        return this;
    }

    /** Text content: quotes stay as they are (readable selectors); attributes are written by the callers. */
    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
