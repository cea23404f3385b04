package dev.intake.document.insight;

/**
 * Emails, phone numbers, URLs, dates and money amounts. Kinds are searched in a fixed order and each
 * claims the stretch of text it matched, so a later kind does not find something inside an earlier
 * one: URLs first (an address in a URL's query is part of the URL, not a separate email), then
 * emails, dates, amounts and phone numbers last (their digits are often dates or amounts).
 */
public final class EntityExtractor {

    /** Candidates examined per pattern: bounds work and memory on texts full of numbers. */
    static final int MAX_CANDIDATES = 20_000;

    private final int cap;
    private final DateFinder dates;
    private final PhoneNumbers phones;

    public EntityExtractor(InsightSettings settings) {
        this.cap = settings.maxEntitiesPerKind();
        this.dates = new DateFinder(settings.slashDatesDayFirst());
        this.phones = new PhoneNumbers(settings.phoneRegion());
    }

    public Entities extract(String text) {
        if (text.isEmpty()) {
            return Entities.NONE;
        }
        TakenSpans taken = new TakenSpans();

        FirstSeen<String> urls = new FirstSeen<>(cap);
        UrlFinder.find(text, (start, end) -> {
            taken.claim(start, end);
            urls.add(text.substring(start, end));
            return true;
        });

        FirstSeen<String> emails = new FirstSeen<>(cap);
        EmailFinder.find(text, (start, end) -> {
            if (taken.claim(start, end)) {
                emails.add(EmailFinder.normalise(text.substring(start, end)));
            }
            return true;
        });

        FirstSeen<String> isoDates = new FirstSeen<>(cap);
        for (DateFinder.Match match : dates.find(text, MAX_CANDIDATES)) {
            if (taken.claim(match.start(), match.end())) {
                isoDates.add(match.date().toString());
            }
        }

        FirstSeen<Money> amounts = new FirstSeen<>(cap);
        for (MoneyFinder.Match match : MoneyFinder.find(text, MAX_CANDIDATES)) {
            if (taken.claim(match.start(), match.end())) {
                amounts.add(match.money());
            }
        }

        FirstSeen<String> phoneNumbers = new FirstSeen<>(cap);
        phones.find(text, (start, end, e164) -> {
            if (taken.claim(start, end)) {
                phoneNumbers.add(e164);
            }
            return !phoneNumbers.isFull();
        });

        return new Entities(emails.toList(), phoneNumbers.toList(), urls.toList(), isoDates.toList(), amounts.toList());
    }
}
