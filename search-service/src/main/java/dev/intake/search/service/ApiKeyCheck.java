package dev.intake.search.service;

/**
 * The seam for API keys with scopes: the old {@code POST /documents/search} accepts admin credentials
 * or an {@code X-API-Key} holding the {@code search} scope ({@link PlatformApiKeys}: the platform's keys,
 * failing closed when none is configured).
 */
public interface ApiKeyCheck {

    /**
     * Returns when {@code presentedKey} is a valid key with the search scope; otherwise throws a
     * {@link dev.intake.platform.problem.ProblemException}: 401 for a missing or unknown key, 403 for a
     * key without the scope. Must compare in constant time.
     */
    void requireSearchScope(String presentedKey);
}
