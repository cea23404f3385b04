package dev.intake.notification.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.notification.client.Addresses;
import dev.intake.notification.config.MailConfig;
import dev.intake.notification.event.ContactSubmitted;
import dev.intake.notification.model.DigestedContact;
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

    /** To the administrators: the submissions of a busy window, {@code listed} of {@code total} of them. */
    public MailMessage contactDigest(List<DigestedContact> listed, int total, OffsetDateTime openedAt) {
        List<DigestLine> lines = listed.stream().map(c -> new DigestLine(c.name(), c.email(), c.company(), c.firstLine(),
                contactLink(c.contactId()))).toList();
        int more = total - lines.size();
        String contacts = adminUi() + "/contacts";
        String subject = "Digest: " + total + (total == 1 ? " more new contact" : " more new contacts");
        return new MailMessage(config.admin(), null, subjectLine(subject),
                MailTemplates.contactDigestText(lines, more, openedAt, contacts).render(),
                MailTemplates.contactDigestHtml(lines, more, openedAt, contacts).render());
    }

    /** One submission in the digest; {@code company} may be null. */
    public record DigestLine(String name, String email, String company, String firstLine, String link) {
    }

    String contactLink(UUID contactId) {
        return adminUi() + "/contacts/" + contactId;
    }

    private String adminUi() {
        return config.adminUiUrl().replaceAll("/+$", "");
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
