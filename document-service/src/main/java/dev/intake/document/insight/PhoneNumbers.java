package dev.intake.document.insight;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * The one place that uses libphonenumber: finds valid phone numbers and formats them as E.164.
 * Numbers without a country code are read as numbers of {@code defaultRegion}.
 */
final class PhoneNumbers {

    /**
     * libphonenumber gives up after this many candidates that are no valid number, so a table of
     * figures cannot make the search slow.
     */
    static final long MAX_TRIES = 10_000;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    /** @param defaultRegion ISO 3166-1 alpha-2 code such as "US" or "DE" */
    PhoneNumbers(String defaultRegion) {
        if (!UTIL.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("unknown phone region " + defaultRegion);
        }
        this.defaultRegion = defaultRegion;
    }

    interface Sink {
        /** @return false to stop */
        boolean accept(int start, int end, String e164);
    }

    void find(String text, Sink sink) {
        for (PhoneNumberMatch match : UTIL.findNumbers(text, defaultRegion, Leniency.VALID, MAX_TRIES)) {
            if (!sink.accept(match.start(), match.end(), UTIL.format(match.number(), PhoneNumberFormat.E164))) {
                return;
            }
        }
    }
}
