package dev.intake.notification.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.intake.notification.config.MailConfig;
import dev.intake.notification.model.MailMessage;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.Body;
import software.amazon.awssdk.services.ses.model.Content;
import software.amazon.awssdk.services.ses.model.SendEmailRequest;

/**
 * Sends one mail through SES (the v1 SendEmail call, which the local emulator also answers). Blocking:
 * call it on a worker thread. Throws {@link SendFailure}, already classified.
 */
@ApplicationScoped
public class SesMailer {

    private final SesClient ses;
    private final String from;

    @Inject
    public SesMailer(SesClient ses, MailConfig config) {
        this(ses, config.from());
    }

    public SesMailer(SesClient ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    /** Returns the SES message id. */
    public String send(MailMessage mail) {
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .source(from)
                .destination(d -> d.toAddresses(mail.to()))
                .message(m -> m.subject(utf8(mail.subject()))
                        .body(Body.builder().text(utf8(mail.text())).html(utf8(mail.html())).build()));
        if (mail.replyTo() != null) {
            request.replyToAddresses(mail.replyTo());
        }
        try {
            return ses.sendEmail(request.build()).messageId();
        } catch (RuntimeException e) {
            throw SesFailures.classify(e);
        }
    }

    private static Content utf8(String data) {
        return Content.builder().charset("UTF-8").data(data).build();
    }
}
