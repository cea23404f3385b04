package dev.intake.platform.security;

/** What an API key may do. Admin endpoints never accept an API key. */
public enum ApiKeyScope {
    /** Create contacts and attach files. */
    SUBMIT,
    /** The old read and search paths. */
    SEARCH
}
