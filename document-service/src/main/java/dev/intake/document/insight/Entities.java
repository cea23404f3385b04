package dev.intake.document.insight;

import java.util.List;

/**
 * Entities found in a text; each list is de-duplicated, in order of first appearance, and capped.
 * A null list (as from old stored JSON) reads as empty.
 *
 * @param phones E.164, e.g. +12125550123
 * @param dates ISO yyyy-MM-dd
 */
public record Entities(List<String> emails, List<String> phones, List<String> urls, List<String> dates,
        List<Money> amounts) {

    public static final Entities NONE = new Entities(List.of(), List.of(), List.of(), List.of(), List.of());

    public Entities {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        urls = urls == null ? List.of() : List.copyOf(urls);
        dates = dates == null ? List.of() : List.copyOf(dates);
        amounts = amounts == null ? List.of() : List.copyOf(amounts);
    }
}
