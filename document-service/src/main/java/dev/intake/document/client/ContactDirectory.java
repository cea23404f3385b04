package dev.intake.document.client;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.intake.document.config.DocumentConfig;
import dev.intake.platform.problem.ProblemException;

/**
 * Asks contact-service whether an upload may go ahead. Bounded: a slow or absent contact-service is a
 * 503 to the uploader (who may retry), never a file stored for a contact nobody checked.
 */
@ApplicationScoped
public class ContactDirectory {

    /** Thrown when contact-service cannot answer; retried, then counted by the circuit breaker. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private final ContactServiceClient client;
    private final String serviceToken;
    private final AuthorizationCache granted;

    public ContactDirectory(@RestClient ContactServiceClient client,
            @ConfigProperty(name = "intake.contact-service-token") String serviceToken, DocumentConfig config) {
        this.client = client;
        this.serviceToken = serviceToken;
        this.granted = new AuthorizationCache(config.authorizationCache());
    }

    /** Whether contact-service said yes to this credential for this contact within the cache's time. */
    public boolean recentlyAuthorized(UUID contactId, String uploadToken, String apiKeyName, boolean admin) {
        return granted.holds(AuthorizationCache.Grant.of(contactId, uploadToken, apiKeyName, admin));
    }

    /** Forgets what was granted for the contact (it was erased). */
    public void forget(UUID contactId) {
        granted.forget(contactId);
    }

    /**
     * Throws 404 when the contact does not exist, 403 when the token is not its own (or, old path, the API key
     * did not submit it recently), 503 when unknown. The administrator needs only the contact to exist.
     */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, retryOn = Unavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            failOn = Unavailable.class)
    public void authorize(UUID contactId, String uploadToken, String apiKeyName, boolean admin) {
        Response response;
        try {
            response = admin ? client.exists(contactId.toString(), serviceToken)
                    : client.authorizeUpload(contactId.toString(), serviceToken,
                            new ContactServiceClient.TokenCheck(apiKeyName == null ? uploadToken : null, apiKeyName));
        } catch (jakarta.ws.rs.WebApplicationException e) {
            response = e.getResponse();
        } catch (RuntimeException e) {
            throw new Unavailable("contact-service unreachable: " + e.getClass().getSimpleName());
        }
        try (Response answered = response) {
            switch (answered.getStatus()) {
                case 200 -> {
                    granted.put(AuthorizationCache.Grant.of(contactId, uploadToken, apiKeyName, admin));
                    return;
                }
                case 404 -> throw new ProblemException(404, "Not found", "No contact with this id.");
                case 403 -> throw new ProblemException(403, "Forbidden", apiKeyName == null
                        ? "The upload token is not valid for this contact."
                        : "This API key did not submit this contact recently; attach files with the contact's upload token.");
                default -> throw new Unavailable("contact-service answered " + answered.getStatus());
            }
        }
    }
}
