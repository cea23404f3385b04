package dev.intake.notification.model;

import java.util.UUID;

/** A submission waiting in the admin digest: what its line in the digest shows. {@code company} may be null. */
public record DigestedContact(UUID contactId, String name, String email, String company, String firstLine) {
}
