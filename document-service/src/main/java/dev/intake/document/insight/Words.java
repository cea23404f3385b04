package dev.intake.document.insight;

import java.util.Locale;
import java.util.function.Consumer;

/** Splits text into words: maximal runs of letters, lower-cased. */
final class Words {

    private Words() {
    }

    /** Calls {@code sink} with each lower-cased letter run in {@code text[start, end)}, at most {@code limit} times. */
    static void forEach(CharSequence text, int start, int end, int limit, Consumer<String> sink) {
        int emitted = 0;
        int i = start;
        while (i < end && emitted < limit) {
            while (i < end && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int wordStart = i;
            while (i < end && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i > wordStart) {
                sink.accept(text.subSequence(wordStart, i).toString().toLowerCase(Locale.ROOT));
                emitted++;
            }
        }
    }

    static void forEach(CharSequence text, Consumer<String> sink) {
        forEach(text, 0, text.length(), Integer.MAX_VALUE, sink);
    }

    /**
     * Like {@link #forEach(CharSequence, Consumer)} but skips whitespace-separated tokens that are
     * links or addresses ("https://…", "www.…", "…@…"), whose "com" and "www" say nothing about a text.
     */
    static void forEachOutsideLinks(String text, Consumer<String> sink) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            while (i < length && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int tokenStart = i;
            boolean link = false;
            while (i < length && !Character.isWhitespace(text.charAt(i))) {
                char c = text.charAt(i);
                link |= c == '@' || (c == ':' && text.startsWith("//", i + 1))
                        || (i == tokenStart && text.regionMatches(true, i, "www.", 0, 4));
                i++;
            }
            if (!link) {
                forEach(text, tokenStart, i, Integer.MAX_VALUE, sink);
            }
        }
    }
}
