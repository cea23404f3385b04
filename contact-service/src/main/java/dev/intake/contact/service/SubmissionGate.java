package dev.intake.contact.service;


import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.contact.repository.UsedSolutions;
import dev.intake.contact.rest.ContactRequest;
import dev.intake.platform.id.Uuids;
import dev.intake.platform.security.ApiKeyScope;
import dev.intake.platform.security.ApiKeys;
import io.smallrye.mutiny.Uni;

/**
 * The one path every submission takes, new API and old alike: API key, the client address's rate limit,
 * the proof of work (for the web form's key), the key's rate limit, honeypot, validation, the solution
 * marked as used, then the intake; each outcome counted. The address is counted before anything is
 * checked and the key only after the address and the proof of work passed, so neither one address nor
 * requests without work can use up the web form's shared key for everybody else.
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
    private final ProofOfWork proofOfWork;
    private final UsedSolutions usedSolutions;

    public SubmissionGate(ApiKeys apiKeys, SubmissionRateLimiter rateLimiter, ContactFormValidator validator,
            ContactIntake intake, SubmissionMetrics metrics, ProofOfWork proofOfWork, UsedSolutions usedSolutions) {
        this.apiKeys = apiKeys;
        this.rateLimiter = rateLimiter;
        this.validator = validator;
        this.intake = intake;
        this.metrics = metrics;
        this.proofOfWork = proofOfWork;
        this.usedSolutions = usedSolutions;
    }

    /** A proof-of-work challenge for the web form; limited per client address like submissions. */
    public ProofOfWork.Challenge challenge(String clientIp) {
        rateLimiter.acquireChallenge(clientIp);
        return proofOfWork.issue();
    }

    public Uni<Accepted> submit(SubmissionMetrics.SourceKind kind, String apiKey, String clientIp,
            String idempotencyKey, ContactRequest request) {
        try {
            String keyName = apiKeys.require(apiKey, ApiKeyScope.SUBMIT);
            rateLimiter.acquireForAddress(clientIp);
            ProofOfWork.Solution solution = proofOfWork.requiredFor(keyName)
                    ? proofOfWork.verify(request == null ? null : request.altcha())
                    : null;
            rateLimiter.acquireForKey(keyName);
            if (request != null && request.website() != null && !request.website().isBlank()) {
                metrics.count(kind, SubmissionMetrics.Outcome.HONEYPOT);
                return Uni.createFrom().item(new Accepted(decoy(), true));
            }
            ContactForm form = validator.validate(request);
            if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
                throw dev.intake.platform.problem.ProblemException.badField("Idempotency-Key",
                        "must be 1 to 200 characters");
            }
            return markUsed(solution)
                    .chain(() -> intake.submit(form, keyName, idempotencyKey, kind == SubmissionMetrics.SourceKind.LEGACY))
                    .invoke(s -> metrics.count(kind, s.replayed() ? SubmissionMetrics.Outcome.REPLAYED
                            : SubmissionMetrics.Outcome.CREATED))
                    .onFailure().invoke(e -> metrics.count(kind, SubmissionMetrics.outcomeOf(e)))
                    .map(s -> new Accepted(s, false));
        } catch (RuntimeException e) {
            metrics.count(kind, SubmissionMetrics.outcomeOf(e));
            return Uni.createFrom().failure(e);
        }
    }

    /** Each solution counts once: a replay (here or on another replica) is refused before anything is stored. */
    private Uni<Void> markUsed(ProofOfWork.Solution solution) {
        if (solution == null) {
            return Uni.createFrom().voidItem();
        }
        return usedSolutions.claim(solution.challenge(), solution.expiresAt()).invoke(fresh -> {
            if (!fresh) {
                throw ProofOfWork.replayed();
            }
        }).replaceWithVoid();
    }

    /** Looks like a stored submission to the bot; nothing is stored, counted or sent. */
    private static ContactIntake.Submission decoy() {
        return new ContactIntake.Submission(Uuids.timeOrdered(), java.time.Instant.now(), 0, false);
    }
}
