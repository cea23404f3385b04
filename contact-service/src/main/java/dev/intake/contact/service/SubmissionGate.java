package dev.intake.contact.service;


import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.platform.id.Uuids;
import dev.intake.contact.rest.ContactRequest;
import dev.intake.platform.security.ApiKeyScope;
import dev.intake.platform.security.ApiKeys;
import io.smallrye.mutiny.Uni;

/**
 * The one path every submission takes, new API and old alike: API key, rate limits, honeypot,
 * validation, then the intake; each outcome counted.
 */
@ApplicationScoped
public class SubmissionGate {

    /** What the caller answers with; {@code dropped} marks a bot silently turned away by the honeypot. */
    public record Accepted(ContactIntake.Submission submission, boolean dropped) {
    }

    private final ApiKeys apiKeys;
    private final SubmissionRateLimiter rateLimiter;
    private final ContactFormValidator validator;
    private final ContactIntake intake;
    private final SubmissionMetrics metrics;

    public SubmissionGate(ApiKeys apiKeys, SubmissionRateLimiter rateLimiter, ContactFormValidator validator,
            ContactIntake intake, SubmissionMetrics metrics) {
        this.apiKeys = apiKeys;
        this.rateLimiter = rateLimiter;
        this.validator = validator;
        this.intake = intake;
        this.metrics = metrics;
    }

    public Uni<Accepted> submit(SubmissionMetrics.SourceKind kind, String apiKey, String clientIp,
            String idempotencyKey, ContactRequest request) {
        try {
            String keyName = apiKeys.require(apiKey, ApiKeyScope.SUBMIT);
            rateLimiter.acquire(clientIp, keyName);
            if (request != null && request.website() != null && !request.website().isBlank()) {
                metrics.count(kind, SubmissionMetrics.Outcome.HONEYPOT);
                return Uni.createFrom().item(new Accepted(decoy(), true));
            }
            ContactForm form = validator.validate(request);
            if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
                throw dev.intake.platform.problem.ProblemException.badField("Idempotency-Key",
                        "must be 1 to 200 characters");
            }
            return intake.submit(form, keyName, idempotencyKey, kind == SubmissionMetrics.SourceKind.LEGACY)
                    .invoke(s -> metrics.count(kind, s.replayed() ? SubmissionMetrics.Outcome.REPLAYED
                            : SubmissionMetrics.Outcome.CREATED))
                    .onFailure().invoke(e -> metrics.count(kind, SubmissionMetrics.outcomeOf(e)))
                    .map(s -> new Accepted(s, false));
        } catch (RuntimeException e) {
            metrics.count(kind, SubmissionMetrics.outcomeOf(e));
            return Uni.createFrom().failure(e);
        }
    }

    /** Looks like a stored submission to the bot; nothing is stored, counted or sent. */
    private static ContactIntake.Submission decoy() {
        return new ContactIntake.Submission(Uuids.timeOrdered(), java.time.Instant.now(), 0, false);
    }
}
