package dev.intake.document.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmailsAndUrlsTest {

    private final EntityExtractor extractor = new EntityExtractor(InsightSettings.DEFAULT);

    @Test
    void findsEmailsLowerCasedDeduplicatedInOrder() {
        String text = "Write to Anna.Schmidt+offers@Example.DE or to support@intake.dev. "
                + "Copy: anna.schmidt+offers@example.de, (billing@mail.example.co.uk)";
        assertEquals(List.of("anna.schmidt+offers@example.de", "support@intake.dev", "billing@mail.example.co.uk"),
                extractor.extract(text).emails());
    }

    @Test
    void rejectsThingsThatOnlyLookLikeEmails() {
        String text = "user@localhost, @handle, name@, a@b.c, x@-bad.com, me@host.123, two..dots@example.com";
        assertEquals(List.of(), extractor.extract(text).emails());
    }

    @Test
    void findsUrlsWithoutTrailingPunctuation() {
        String text = "See https://intake.dev/docs?page=2#top, http://example.org/a_(b) and (www.example.com/path). "
                + "Again: https://intake.dev/docs?page=2#top! And HTTPS://EXAMPLE.NET.";
        assertEquals(List.of("https://intake.dev/docs?page=2#top", "http://example.org/a_(b)", "www.example.com/path",
                "HTTPS://EXAMPLE.NET"), extractor.extract(text).urls());
    }

    @Test
    void emailInsideAUrlBelongsToTheUrl() {
        String text = "Unsubscribe: https://news.example.com/unsubscribe?email=jane@example.com or mail jane@example.org";
        Entities entities = extractor.extract(text);
        assertEquals(List.of("https://news.example.com/unsubscribe?email=jane@example.com"), entities.urls());
        assertEquals(List.of("jane@example.org"), entities.emails());
    }

    @Test
    void wwwInsideAnEmailIsNoUrlAndMailtoIsAnEmail() {
        Entities entities = extractor.extract("Contact info@www.example.com or <mailto:sales@example.com>.");
        assertEquals(List.of(), entities.urls());
        assertEquals(List.of("info@www.example.com", "sales@example.com"), entities.emails());
    }

    @Test
    void listsAreCapped() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            text.append("user").append(i).append("@example.com https://example.com/").append(i).append(' ');
        }
        Entities entities = new EntityExtractor(new InsightSettings("US", true, 50)).extract(text.toString());
        assertEquals(50, entities.emails().size());
        assertEquals(50, entities.urls().size());
        assertEquals("user0@example.com", entities.emails().get(0));
    }
}
