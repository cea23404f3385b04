package dev.intake.notification.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.intake.notification.event.ContactSubmitted;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The mail bodies, checked at build time. The {@code .html} ones escape every expression (Qute does for
 * HTML templates), so user text such as a name can never become markup.
 */
@CheckedTemplate(basePath = "mail")
final class MailTemplates {

    private MailTemplates() {
    }

    static native TemplateInstance contactAdminText(ContactSubmitted contact, String link);

    static native TemplateInstance contactAdminHtml(ContactSubmitted contact, String link);

    static native TemplateInstance contactConfirmationText(ContactSubmitted contact);

    static native TemplateInstance contactConfirmationHtml(ContactSubmitted contact);

    static native TemplateInstance documentDigestText(String summary, UUID contactId, OffsetDateTime openedAt,
            String link);

    static native TemplateInstance documentDigestHtml(String summary, UUID contactId, OffsetDateTime openedAt,
            String link);

    static native TemplateInstance contactDigestText(List<MailComposer.DigestLine> lines, int more,
            OffsetDateTime openedAt, String contacts);

    static native TemplateInstance contactDigestHtml(List<MailComposer.DigestLine> lines, int more,
            OffsetDateTime openedAt, String contacts);
}
