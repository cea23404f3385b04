package dev.intake.search;

/** The API keys configured for the tests (src/test/resources/application.properties): one per scope. */
final class TestApiKeys {

    static final String SEARCH_KEY = "test-key-with-search-scope";
    static final String SUBMIT_KEY = "test-key-with-submit-scope";

    private TestApiKeys() {
    }
}
