package dev.intake.contact.service;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import dev.intake.contact.rest.ContactRequest;
import dev.intake.platform.problem.Problem;
import dev.intake.platform.problem.ProblemException;

/**
 * Normalises (trim, Unicode NFC) and validates a submission, collecting every field error at once.
 * Control characters are refused rather than stripped: they have no place in a contact form and often
 * mean an injection attempt.
 */
@Singleton
public class ContactFormValidator {

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}");

    public ContactForm validate(ContactRequest request) {
        if (request == null) {
            throw ProblemException.badField("body", "a JSON object with the submission is required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = text("name", request.name(), 100, true, false, errors);
        String email = text("email", request.email(), 254, true, false, errors);
        String message = text("message", request.message(), 1000, true, true, errors);
        String company = text("company", request.company(), 100, false, false, errors);
        String service = text("service", request.service(), 100, false, false, errors);
        String budget = text("budget", request.budget(), 50, false, false, errors);
        String source = text("source", request.source(), 50, false, false, errors);
        String userAgent = text("userAgent", request.userAgent(), 500, false, false, errors);
        String pageUrl = text("pageUrl", request.pageUrl(), 500, false, false, errors);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new Problem.FieldError("email", "must be a valid email address"));
        }
        if (pageUrl != null && !isWebUrl(pageUrl)) {
            errors.add(new Problem.FieldError("pageUrl", "must be an http or https URL"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid request", "The submission has invalid fields.", errors);
        }
        return new ContactForm(name, email, message, company, service, budget, source == null ? "website" : source,
                userAgent, pageUrl);
    }

    private static String text(String field, String raw, int max, boolean required, boolean multiline,
            List<Problem.FieldError> errors) {
        String value = raw == null ? null : Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (value == null || value.isEmpty()) {
            if (required) {
                errors.add(new Problem.FieldError(field, "is required"));
            }
            return null;
        }
        if (value.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            errors.add(new Problem.FieldError(field, "must be valid Unicode text (it has an unpaired surrogate)"));
            return null;
        }
        if (value.codePoints().anyMatch(c -> isForbiddenControl(c, multiline))) {
            errors.add(new Problem.FieldError(field, "must not contain control characters"));
            return null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(new Problem.FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return value;
    }

    private static boolean isForbiddenControl(int c, boolean multiline) {
        if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || c == 0x202E || c == 0x202D;
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
