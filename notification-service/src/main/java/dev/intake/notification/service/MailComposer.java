package dev.intake.notification.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.notification.client.Addresses;
import dev.intake.notification.config.MailConfig;
import dev.intake.notification.event.ContactSubmitted;
import dev.intake.notification.model.MailMessage;

/** Renders the mails this service sends from event data. */
@ApplicationScoped
public class MailComposer {

    private static final int MAX_SUBJECT = 200;

    private final MailConfig config;

    public MailComposer(MailConfig config) {
        this.config = config;
    }

    /** To the administrators; Reply-To the submitter, unless their address could only make SES reject the mail. */
    public MailMessage contactAdmin(ContactSubmitted contact) {
        String subject = "New contact: " + contact.name()
                + (isPresent(contact.service()) ? " (" + contact.service() + ")" : "");
        String link = contactLink(contact.contactId());
        return new MailMessage(config.admin(), Addresses.isValid(contact.email()) ? contact.email() : null,
                subjectLine(subject), MailTemplates.contactAdminText(contact, link).render(),
                MailTemplates.contactAdminHtml(contact, link).render());
    }

    /** To the submitter, a receipt of their message. */
    public MailMessage contactConfirmation(ContactSubmitted contact) {
        return new MailMessage(List.of(contact.email()), null, "We received your message",
                MailTemplates.contactConfirmationText(contact).render(),
                MailTemplates.contactConfirmationHtml(contact).render());
    }

    /** To the administrators, e.g. "3 documents processed, 1 failed". */
    public MailMessage documentDigest(UUID contactId, int processed, int failed, OffsetDateTime openedAt) {
        String summary = processed + (processed == 1 ? " document" : " documents") + " processed, " + failed
                + " failed";
        String link = contactLink(contactId);
        return new MailMessage(config.admin(), null, subjectLine(summary),
                MailTemplates.documentDigestText(summary, contactId, openedAt, link).render(),
                MailTemplates.documentDigestHtml(summary, contactId, openedAt, link).render());
    }

    String contactLink(UUID contactId) {
        return config.adminUiUrl().replaceAll("/+$", "") + "/contacts/" + contactId;
    }

    /** One header line: control characters (a CR/LF could start a new header) folded to spaces, bounded. */
    static String subjectLine(String subject) {
        String line = subject.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() > MAX_SUBJECT ? line.substring(0, MAX_SUBJECT - 1) + "…" : line;
    }

    private static boolean isPresent(String value) {
        return value != null && !value.isBlank();
    }
}
