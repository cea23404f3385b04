package dev.intake.document.insight;

import java.util.Locale;
import java.util.Set;

/**
 * Finds sentence boundaries in one pass: a sentence ends at '.', '!', '?' or '…' followed by
 * whitespace (or the end of the text), or at a blank line (headings, list items). A period after
 * a known abbreviation or a single letter (an initial) does not end a sentence.
 */
final class SentenceSplitter {

    /** Receives each sentence as {@code text[start, end)}, trimmed, never empty. */
    interface Sink {
        /** @return false to stop */
        boolean accept(int start, int end);
    }

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "eg", "ie", "inc", "ltd", "co",
            "no", "nr", "fig", "approx", "dept", "zb", "bzw", "ca", "usw", "vgl", "mme", "mlle", "sra",
            "dott", "sig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    private SentenceSplitter() {
    }

    static void split(String text, Sink sink) {
        int length = text.length();
        int start = 0;
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            int end = -1;
            int next = i + 1;
            if (c == '.' || c == '!' || c == '?' || c == '…') {
                while (next < length && isTerminator(text.charAt(next))) {
                    next++;
                }
                while (next < length && isClosing(text.charAt(next))) {
                    next++;
                }
                if ((next == length || Character.isWhitespace(text.charAt(next)))
                        && !(c == '.' && next == i + 1 && isAbbreviation(text, start, i))) {
                    end = next;
                }
            } else if (c == '\n' && isBlankLineAhead(text, i + 1)) {
                end = i;
            }
            if (end >= 0) {
                if (!emit(text, start, end, sink)) {
                    return;
                }
                start = end;
            }
            i = next;
        }
        emit(text, start, length, sink);
    }

    private static boolean emit(String text, int start, int end, Sink sink) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return start >= end || sink.accept(start, end);
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == '»' || c == '”' || c == '’';
    }

    private static boolean isBlankLineAhead(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return false;
    }

    /** The word before the period at {@code dot}, looked at no further back than {@code floor}. */
    private static boolean isAbbreviation(String text, int floor, int dot) {
        int wordStart = dot;
        // at most 8 characters back keeps this constant-time per period
        while (wordStart > floor && dot - wordStart < 8
                && (Character.isLetter(text.charAt(wordStart - 1)) || text.charAt(wordStart - 1) == '.')) {
            wordStart--;
        }
        if (wordStart > floor && Character.isLetter(text.charAt(wordStart - 1))) {
            return false;
        }
        String word = text.substring(wordStart, dot).replace(".", "").toLowerCase(Locale.ROOT);
        if (word.isEmpty()) {
            return false;
        }
        return (word.length() == 1 && Character.isUpperCase(text.charAt(dot - 1))) || ABBREVIATIONS.contains(word);
    }
}
