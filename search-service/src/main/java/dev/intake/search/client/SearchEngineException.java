package dev.intake.search.client;

import dev.intake.platform.problem.ProblemException;

/** Meilisearch did not answer or refused a call: a 503 for clients, a retry for event producers. */
public class SearchEngineException extends ProblemException {

    public SearchEngineException() {
        super(503, "Service unavailable", "The search engine is not available right now; retry later.");
    }
}
