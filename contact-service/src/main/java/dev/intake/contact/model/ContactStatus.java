package dev.intake.contact.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where the administrator is with a submission. */
public enum ContactStatus {
    NEW, CONTACTED, CLOSED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ContactStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
