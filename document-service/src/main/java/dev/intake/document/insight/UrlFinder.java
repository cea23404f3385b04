package dev.intake.document.insight;

import java.util.function.BiPredicate;

/**
 * Finds URLs starting with {@code http://}, {@code https://} or {@code www.} in one left-to-right
 * scan (no regex, so no backtracking). A URL runs to the next whitespace or quote-like character;
 * trailing sentence punctuation and an unbalanced closing bracket are not part of it.
 */
final class UrlFinder {

    /** Longer runs are data, not links. */
    static final int MAX_LENGTH = 2_048;

    private UrlFinder() {
    }

    /** Calls {@code sink} with each URL's span; stops when it returns false. */
    static void find(String text, BiPredicate<Integer, Integer> sink) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            int prefix = prefixAt(text, i);
            if (prefix == 0) {
                i++;
                continue;
            }
            int end = i + prefix;
            while (end < length && isUrlChar(text.charAt(end))) {
                end++;
            }
            if (end - i <= MAX_LENGTH) {
                int trimmed = trimEnd(text, i + prefix, end);
                if (hasHost(text, i + prefix, trimmed) && !sink.test(i, trimmed)) {
                    return;
                }
            }
            i = Math.max(end, i + 1);
        }
    }

    private static int prefixAt(String text, int i) {
        char c = text.charAt(i);
        if (c != 'h' && c != 'H' && c != 'w' && c != 'W') {
            return 0;
        }
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        if (Character.isLetterOrDigit(before)) {
            return 0;
        }
        if (text.regionMatches(true, i, "https://", 0, 8)) {
            return 8;
        }
        if (text.regionMatches(true, i, "http://", 0, 7)) {
            return 7;
        }
        // "info@www.example.org" is an email and "sub.www.example.org" a host, not a URL start
        if (before != '@' && before != '.' && before != '-' && before != '_' && before != '/'
                && text.regionMatches(true, i, "www.", 0, 4)) {
            return 4;
        }
        return 0;
    }

    private static boolean isUrlChar(char c) {
        if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
            return false;
        }
        return switch (c) {
            case '<', '>', '"', '\'', '`', '{', '}', '|', '\\', '^', '«', '»', '“', '”', '‘', '’' -> false;
            default -> true;
        };
    }

    private static int trimEnd(String text, int hostStart, int end) {
        while (end > hostStart) {
            char last = text.charAt(end - 1);
            if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?') {
                end--;
            } else if ((last == ')' && !opens(text, hostStart, end - 1, '(', ')'))
                    || (last == ']' && !opens(text, hostStart, end - 1, '[', ']'))) {
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    /** Whether {@code text[from, to)} has more {@code open} than {@code close}. */
    private static boolean opens(String text, int from, int to, char open, char close) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
            }
        }
        return depth > 0;
    }

    private static boolean hasHost(String text, int hostStart, int end) {
        int i = hostStart;
        boolean letterOrDigit = false;
        boolean dot = false;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
            letterOrDigit |= Character.isLetterOrDigit(c);
            dot |= c == '.';
            i++;
        }
        // "www." needs "example.org" after it; "http://localhost:8080" is fine without a dot
        boolean needsDot = text.charAt(hostStart - 1) == '.';
        return letterOrDigit && (dot || !needsDot);
    }
}
