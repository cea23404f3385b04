package dev.intake.document.insight;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds calendar dates and gives them as ISO yyyy-MM-dd: 2026-12-01, 01/12/2026, 01.12.2026,
 * "1 December 2026", "December 1, 2026", and the same with month names in German, French, Spanish,
 * Italian, Dutch and Portuguese ("1. Dezember 2026", "1er décembre 2026", "1 de diciembre de 2026").
 * Years have four digits; impossible dates (2026-02-30) are skipped.
 *
 * <p>Every pattern is anchored by a look-behind so that it can only start at the beginning of a
 * number or word, and uses bounded quantifiers only: at most a few dozen steps per position.
 */
final class DateFinder {

    private static final String SPACE = "[ \\t\\u00A0]{1,3}";
    private static final Pattern ISO = Pattern.compile(
            "(?<![\\p{N}\\-/.])(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\p{N})(?![-/.]\\p{N})");
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\p{N}\\-/.])(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})(?!\\p{N})(?![-/.]\\p{N})");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(\\d{1,2})(?:st|nd|rd|th|er|º|°|\\.)?" + SPACE + "(?:(?:of|de)" + SPACE + ")?"
                    + "(\\p{L}{3,10})\\.?,?" + SPACE + "(?:(?:de|del)" + SPACE + ")?(\\d{4})(?!\\p{N})");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(\\p{L}{3,10})\\.?" + SPACE + "(\\d{1,2})(?:st|nd|rd|th)?,?" + SPACE
                    + "(\\d{4})(?!\\p{N})");

    private static final Map<String, Integer> MONTHS = months();

    private final boolean slashDatesDayFirst;

    /**
     * @param slashDatesDayFirst whether 01/12/2026 is 1 December (as in most of the world) rather
     *        than January 12 (US); a reading that cannot be a date (13/01/2026) falls back to the other
     */
    DateFinder(boolean slashDatesDayFirst) {
        this.slashDatesDayFirst = slashDatesDayFirst;
    }

    record Match(int start, int end, LocalDate date) {
    }

    /** Dates in order of appearance, at most {@code limit} candidates per pattern; overlaps are not removed. */
    List<Match> find(String text, int limit) {
        List<Match> found = new ArrayList<>();
        scan(ISO, text, limit, found, m -> date(m.group(1), m.group(3), m.group(4)));
        scan(NUMERIC, text, limit, found, m -> numeric(m.group(1), m.group(2), m.group(3), m.group(4)));
        scan(DAY_MONTH_YEAR, text, limit, found, m -> named(m.group(1), m.group(2), m.group(3)));
        scan(MONTH_DAY_YEAR, text, limit, found, m -> named(m.group(2), m.group(1), m.group(3)));
        found.sort(Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::end).reversed()));
        return found;
    }

    private interface Reader {
        LocalDate read(Matcher matcher);
    }

    private static void scan(Pattern pattern, String text, int limit, List<Match> found, Reader reader) {
        Matcher matcher = pattern.matcher(text);
        int candidates = 0;
        while (candidates < limit && matcher.find()) {
            candidates++;
            LocalDate date = reader.read(matcher);
            if (date != null) {
                found.add(new Match(matcher.start(), matcher.end(), date));
            }
        }
    }

    private LocalDate numeric(String first, String separator, String second, String year) {
        // dotted dates are day-first everywhere they are used
        boolean dayFirst = slashDatesDayFirst || separator.equals(".");
        LocalDate date = dayFirst ? date(year, second, first) : date(year, first, second);
        return date != null ? date : dayFirst ? date(year, first, second) : date(year, second, first);
    }

    private static LocalDate named(String day, String monthName, String year) {
        Integer month = MONTHS.get(monthName.toLowerCase(Locale.ROOT));
        return month == null ? null : date(year, month.toString(), day);
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, Integer> months() {
        String[][] names = {
            {"january", "jan", "januar", "jänner", "janvier", "janv", "enero", "gennaio", "januari", "janeiro"},
            {"february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "februari",
                "fevereiro"},
            {"march", "mar", "märz", "maerz", "mars", "marzo", "maart", "março", "marco"},
            {"april", "apr", "avril", "avr", "abril", "aprile"},
            {"may", "mai", "mayo", "maggio", "mei", "maio"},
            {"june", "jun", "juni", "juin", "junio", "giugno", "junho"},
            {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "julho"},
            {"august", "aug", "août", "aout", "agosto", "augustus"},
            {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "setembro"},
            {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro"},
            {"november", "nov", "novembre", "noviembre", "novembro"},
            {"december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dicembre",
                "dezembro"},
        };
        Map<String, Integer> months = new HashMap<>();
        for (int m = 0; m < names.length; m++) {
            for (String name : names[m]) {
                months.put(name, m + 1);
            }
        }
        return Map.copyOf(months);
    }
}
