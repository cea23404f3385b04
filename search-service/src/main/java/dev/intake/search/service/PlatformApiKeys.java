package dev.intake.search.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.platform.security.ApiKeyScope;
import dev.intake.platform.security.ApiKeys;

/** The platform's API keys (INTAKE_API_KEYS): the old search path needs one with the search scope. */
@ApplicationScoped
public class PlatformApiKeys implements ApiKeyCheck {

    private final ApiKeys keys;

    public PlatformApiKeys(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void requireSearchScope(String key) {
        keys.require(key, ApiKeyScope.SEARCH);
    }
}
