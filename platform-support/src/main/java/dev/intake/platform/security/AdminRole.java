package dev.intake.platform.security;

/** The one role admin endpoints require. */
public final class AdminRole {

    public static final String NAME = "admin";

    private AdminRole() {
    }
}
