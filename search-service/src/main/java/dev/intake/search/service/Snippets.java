package dev.intake.search.service;

/**
 * Highlighted text that is safe to put into HTML. Meilisearch marks matches with two private-use
 * characters that indexed text never contains ({@link #clean}); the text is HTML-escaped first and only
 * then are the markers turned into {@code <mark>} tags, so no user text can become markup.
 */
public final class Snippets {

    public static final String PRE = "\uE000";
    public static final String POST = "\uE001";

    private Snippets() {
    }

    /** Drops the marker characters (and other private-use ones) from text before it is indexed. */
    public static String clean(String text) {
        return text == null ? null : text.replaceAll("[\\uE000-\\uF8FF]", "");
    }

    public static String html(String formatted) {
        if (formatted == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(formatted.length() + 32);
        for (int i = 0; i < formatted.length(); i++) {
            char c = formatted.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\uE000' -> out.append("<mark>");
                case '\uE001' -> out.append("</mark>");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The text without markers, for surfaces that show plain text. */
    public static String plain(String formatted) {
        return formatted == null ? null : formatted.replace(PRE, "").replace(POST, "");
    }

    public static boolean marked(String formatted) {
        return formatted != null && formatted.contains(PRE);
    }
}
