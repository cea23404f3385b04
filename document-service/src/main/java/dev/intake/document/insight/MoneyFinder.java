package dev.intake.document.insight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds amounts of money with their currency: a symbol or ISO code before the number ($1,200.50,
 * € 300, EUR 300) or after it (300 EUR, 1.200,50 €). $ is read as USD and ¥ as JPY.
 *
 * <p>The number is matched loosely ({@value #NUMBER}, bounded) and then read by {@link #parseAmount}:
 * with both '.' and ',' present the last one is the decimal mark; a lone separator followed by
 * exactly three digits groups thousands (1,200 and 1.200 are both 1200), otherwise it is the decimal
 * mark (12,50). Groups after the first must have three digits, so 1.2.3 is no amount.
 */
final class MoneyFinder {

    private static final String NUMBER = "[0-9][0-9.,'\\u00A0\\u202F]{0,24}";
    /** After the number, a currency must follow its last digit: in "45.99, € 300" the € belongs to 300. */
    private static final String NUMBER_ENDING_IN_DIGIT = NUMBER + "(?<=[0-9])";
    private static final String GAP = "[ \\u00A0\\u202F]?";
    private static final Map<String, String> SYMBOLS = Map.of(
            "$", "USD", "US$", "USD", "C$", "CAD", "A$", "AUD", "R$", "BRL",
            "€", "EUR", "£", "GBP", "¥", "JPY", "₹", "INR");
    private static final String SYMBOL = "US\\$|C\\$|A\\$|R\\$|[$€£¥₹]";
    private static final String CODE =
            "USD|EUR|GBP|JPY|CHF|CAD|AUD|NZD|CNY|INR|SEK|NOK|DKK|PLN|CZK|HUF|BRL|MXN|ZAR|SGD|HKD|TRY|KRW";

    private static final Pattern BEFORE = Pattern.compile(
            "(?<!\\p{L})(" + SYMBOL + "|" + CODE + ")" + GAP + "(" + NUMBER + ")");
    private static final Pattern AFTER = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,'])(" + NUMBER_ENDING_IN_DIGIT + ")" + GAP + "(" + SYMBOL + "|" + CODE + ")(?!\\p{L})");

    private MoneyFinder() {
    }

    record Match(int start, int end, Money money) {
    }

    /** Amounts in order of appearance, at most {@code limit} candidates per pattern; overlaps are not removed. */
    static List<Match> find(String text, int limit) {
        List<Match> found = new ArrayList<>();
        scan(BEFORE, 1, 2, text, limit, found);
        scan(AFTER, 2, 1, text, limit, found);
        found.sort(Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::end).reversed()));
        return found;
    }

    private static void scan(Pattern pattern, int currencyGroup, int numberGroup, String text, int limit,
            List<Match> found) {
        Matcher matcher = pattern.matcher(text);
        int candidates = 0;
        while (candidates < limit && matcher.find()) {
            candidates++;
            String currency = SYMBOLS.getOrDefault(matcher.group(currencyGroup), matcher.group(currencyGroup));
            BigDecimal amount = parseAmount(matcher.group(numberGroup));
            if (amount != null) {
                found.add(new Match(matcher.start(), matcher.end(), new Money(withMinorUnits(amount, currency), currency)));
            }
        }
    }

    /** The amount written in {@code raw}, or null when it is not a well-formed number. */
    static BigDecimal parseAmount(String raw) {
        String number = stripTrailingSeparators(raw);
        int lastDot = number.lastIndexOf('.');
        int lastComma = number.lastIndexOf(',');
        int decimalAt = -1;
        if (lastDot >= 0 && lastComma >= 0) {
            decimalAt = Math.max(lastDot, lastComma);
        } else if (lastDot >= 0 || lastComma >= 0) {
            int at = Math.max(lastDot, lastComma);
            char separator = number.charAt(at);
            boolean once = number.indexOf(separator) == at;
            boolean thousands = number.length() - at - 1 == 3 && !number.substring(0, at).equals("0");
            decimalAt = once && !thousands ? at : -1;
        }
        String integer = decimalAt < 0 ? number : number.substring(0, decimalAt);
        String fraction = decimalAt < 0 ? "" : number.substring(decimalAt + 1);
        if (!fraction.chars().allMatch(Character::isDigit)) {
            return null;
        }
        String digits = groupedDigits(integer);
        if (digits == null) {
            return null;
        }
        return new BigDecimal(fraction.isEmpty() ? digits : digits + "." + fraction);
    }

    /** The digits of "1,200" or "1 200"; null when a group after the first does not have three digits. */
    private static String groupedDigits(String integer) {
        StringBuilder digits = new StringBuilder(integer.length());
        int group = 0;
        boolean grouped = false;
        for (int i = 0; i < integer.length(); i++) {
            char c = integer.charAt(i);
            if (Character.isDigit(c)) {
                digits.append(c);
                group++;
            } else {
                if (group == 0 || (grouped ? group != 3 : group > 3)) {
                    return null;
                }
                grouped = true;
                group = 0;
            }
        }
        if (group == 0 || (grouped && group != 3)) {
            return null;
        }
        return digits.toString();
    }

    private static String stripTrailingSeparators(String raw) {
        int end = raw.length();
        while (end > 0 && !Character.isDigit(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(0, end);
    }

    /** 300 EUR as 300.00, 5000 JPY as 5000; more decimals than the currency has are kept. */
    private static BigDecimal withMinorUnits(BigDecimal amount, String currency) {
        int minor;
        try {
            minor = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            minor = 2;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return amount.setScale(Math.max(minor, Math.max(0, stripped.scale())));
    }
}
