package dev.intake.contact.rest;

/**
 * A submission as clients send it (the old system's field names). Unknown fields, such as the old
 * website's {@code timestamp}, are ignored. {@code website} is a honeypot the form hides from people;
 * {@code altcha} is the web form's proof of work (see {@code ProofOfWork}), ignored for other API keys.
 */
public record ContactRequest(String name, String email, String message, String company, String service,
        String budget, String source, String userAgent, String pageUrl, String website, String altcha) {
}
