package dev.intake.platform.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.intake.platform.problem.ProblemException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class ServiceTokensTest {

    private static ServiceTokens of(Map<String, String> properties) {
        return new ServiceTokens(new SmallRyeConfigBuilder().withMapping(ServiceTokensConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build()
                .getConfigMapping(ServiceTokensConfig.class));
    }

    private static final Map<String, String> TWO_CALLERS = Map.of(
            "intake.service-tokens.contact.token", "contact-to-here-0123456789",
            "intake.service-tokens.contact.event-types", "contact.submitted,contact.deleted",
            "intake.service-tokens.search.token", "search-to-here-0123456789",
            "intake.service-tokens.search.paths", "/internal/documents");

    @Test
    void eachTokenNamesItsCallerAndWhatItMaySend() {
        ServiceTokens tokens = of(TWO_CALLERS);

        ServiceTokens.Caller contact = tokens.authenticate("contact-to-here-0123456789");
        assertEquals("contact", contact.name());
        assertTrue(contact.maySend("contact.deleted"));
        assertFalse(contact.maySend("document.processed"));

        ServiceTokens.Caller search = tokens.authenticate("search-to-here-0123456789");
        assertEquals("search", search.name());
        assertFalse(search.maySend("contact.deleted"), "a caller without event types sends none");
    }

    @Test
    void eachCallerReachesItsOwnPathsAndWhatLiesBelowThem() {
        ServiceTokens tokens = of(TWO_CALLERS);
        ServiceTokens.Caller contact = tokens.authenticate("contact-to-here-0123456789");
        assertTrue(contact.mayCall("/internal/events"), "the event inbox by default");
        assertTrue(contact.mayCall("/internal/events/batch"));
        assertFalse(contact.mayCall("/internal/documents"));
        assertFalse(contact.mayCall("/internal/eventsx"));

        ServiceTokens.Caller search = tokens.authenticate("search-to-here-0123456789");
        assertTrue(search.mayCall("/internal/documents"));
        assertFalse(search.mayCall("/internal/events/batch"), "paths given: the default is replaced");
    }

    @Test
    void noTokenIs401AndAnUnknownOneIs403() {
        ServiceTokens tokens = of(TWO_CALLERS);
        assertEquals(401, assertThrows(ProblemException.class, () -> tokens.authenticate(null)).status());
        assertEquals(401, assertThrows(ProblemException.class, () -> tokens.authenticate("")).status());
        assertEquals(403, assertThrows(ProblemException.class, () -> tokens.authenticate("contact-to-here-012345678")).status());
        assertEquals(403, assertThrows(ProblemException.class, () -> tokens.authenticate("contact-to-here-0123456789x")).status());
    }

    @Test
    void twoCallersWithOneTokenStopTheService() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> of(Map.of(
                "intake.service-tokens.contact.token", "the-same-token-0123456789",
                "intake.service-tokens.document.token", "the-same-token-0123456789")));
        assertTrue(refused.getMessage().contains("intake.service-tokens.contact.token")
                && refused.getMessage().contains("intake.service-tokens.document.token"), refused.getMessage());
        assertFalse(refused.getMessage().contains("the-same-token"), "never the value");
    }
}
