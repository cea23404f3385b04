package dev.intake.document.insight;

import java.util.Locale;
import java.util.function.BiPredicate;

/**
 * Finds email addresses by growing outwards from each '@' over the characters a local part and a
 * domain may hold, within their length limits (64 and 253). Each character is looked at by at most
 * the '@' before and the one after it, so the scan stays linear on any input.
 */
final class EmailFinder {

    static final int MAX_LOCAL = 64;
    static final int MAX_DOMAIN = 253;

    private EmailFinder() {
    }

    /** Calls {@code sink} with each address's span; stops when it returns false. */
    static void find(String text, BiPredicate<Integer, Integer> sink) {
        int length = text.length();
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > 0 && at - start <= MAX_LOCAL && isLocalChar(text.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < length && end - at - 1 <= MAX_DOMAIN && isDomainChar(text.charAt(end))) {
                end++;
            }
            while (start < at && text.charAt(start) == '.') {
                start++;
            }
            while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                end--;
            }
            if (valid(text, start, at, end) && !sink.test(start, end)) {
                return;
            }
        }
    }

    static String normalise(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    private static boolean valid(String text, int start, int at, int end) {
        int localLength = at - start;
        int domainLength = end - at - 1;
        if (localLength == 0 || localLength > MAX_LOCAL || domainLength == 0 || domainLength > MAX_DOMAIN) {
            return false;
        }
        if (text.charAt(at - 1) == '.' || text.substring(start, at).contains("..")) {
            return false;
        }
        // labels of 1..63 letters, digits or inner hyphens; at least two; an alphabetic TLD of 2+ letters
        int labels = 0;
        int labelStart = at + 1;
        for (int i = at + 1; i <= end; i++) {
            if (i == end || text.charAt(i) == '.') {
                int labelLength = i - labelStart;
                if (labelLength == 0 || labelLength > 63 || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
                    return false;
                }
                labels++;
                if (i == end) {
                    if (labelLength < 2) {
                        return false;
                    }
                    for (int t = labelStart; t < end; t++) {
                        if (!isAsciiLetter(text.charAt(t))) {
                            return false;
                        }
                    }
                }
                labelStart = i + 1;
            }
        }
        return labels >= 2;
    }

    private static boolean isLocalChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
