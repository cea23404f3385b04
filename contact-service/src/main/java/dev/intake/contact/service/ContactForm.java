package dev.intake.contact.service;

/** A submission after normalisation and validation: every field is safe to store as it is. */
public record ContactForm(String name, String email, String message, String company, String service,
        String budget, String source, String userAgent, String pageUrl) {
}
