package dev.intake.notification.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who mails whom, and how the delivery log is worked off. */
@ConfigMapping(prefix = "intake.mail")
public interface MailConfig {

    /** Sender address (a verified SES identity in production). */
    String from();

    /** Administrator address(es) that receive new contacts and digests. */
    List<String> admin();

    /** Base URL of the admin UI; a contact's link is {@code <base>/contacts/<id>}. */
    @WithDefault("http://127.0.0.1:8080/admin")
    String adminUiUrl();

    Confirmation confirmation();

    Digest digest();

    AdminDigest adminDigest();

    Sender sender();

    interface Confirmation {

        /** Also mail the submitter a receipt. */
        @WithDefault("false")
        boolean enabled();
    }

    interface Digest {

        /** Mail the administrator a per-contact summary of processed documents. */
        @WithDefault("true")
        boolean enabled();

        /** How long a contact's window collects documents before its one digest is sent. */
        @WithDefault("15M")
        Duration window();

        /** How often due windows (of this digest and the admin digest) are looked for. */
        @WithDefault("30S")
        Duration flushInterval();
    }

    interface AdminDigest {

        /**
         * Submissions per window mailed to the administrators one by one; the window's later ones come in one
         * digest when it ends. 0 (the default) mails every submission on its own.
         */
        @WithDefault("0")
        int threshold();

        /** How long a window counts submissions, from the first; with the default the threshold is per minute. */
        @WithDefault("1M")
        Duration window();
    }

    interface Sender {

        @WithDefault("true")
        boolean enabled();

        @WithDefault("2S")
        Duration pollInterval();

        /** How long the sender waits for more mails before it claims a batch that is not full. */
        @WithDefault("100MS")
        Duration linger();

        /** Mails claimed at once. */
        @WithDefault("50")
        int batchSize();

        /** Claimed batches in flight at once. */
        @WithDefault("1")
        int concurrency();

        /** SES calls in flight at once. */
        @WithDefault("16")
        int sendConcurrency();

        /** At most this many SES calls per second (the account's sending quota); 0 for no limit. */
        @WithDefault("0")
        double sendRate();

        /** How long a claimed row is reserved for the replica that claimed it (longer than one SES call). */
        @WithDefault("2M")
        Duration lease();

        @WithDefault("10S")
        Duration initialBackoff();

        @WithDefault("30M")
        Duration maxBackoff();

        /** Attempts (each claim is one, even if the replica died) before a row is FAILED (about a day with the defaults). */
        @WithDefault("60")
        int maxAttempts();

        @WithDefault("10S")
        Duration metricsInterval();
    }
}
