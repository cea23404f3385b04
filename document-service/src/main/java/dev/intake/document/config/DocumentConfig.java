package dev.intake.document.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Upload limits and the processing worker's bounds. */
@ConfigMapping(prefix = "intake.document")
public interface DocumentConfig {

    /** Largest accepted file, in bytes (50 MB like the old system). */
    @WithDefault("52428800")
    long maxSizeBytes();

    Processing processing();

    /**
     * How long contact-service's yes to an upload credential (token, or old-path key) for a contact is reused; a
     * contact erased meanwhile is still refused at the insert.
     */
    @WithDefault("30S")
    Duration authorizationCache();

    /** What one contact, one upload token and the whole processing backlog may take. */
    Quota quota();

    interface Quota {

        /** Files one contact may upload within {@code contact-period} (refused with 429 beyond). */
        @WithDefault("25")
        int filesPerContact();

        /** Bytes one contact may upload within {@code contact-period}. */
        @WithDefault("262144000")
        long bytesPerContact();

        /** The rolling period of the per-contact quota; an upload token lives 24 h. */
        @WithDefault("24H")
        Duration contactPeriod();

        /** Uploads per upload token (or, on the old path, per API key) within {@code token-window}. */
        @WithDefault("20")
        int uploadsPerToken();

        @WithDefault("1M")
        Duration tokenWindow();

        /** Documents PENDING or PROCESSING beyond which new uploads get 503 with Retry-After. */
        @WithDefault("5000")
        long maxBacklog();

        /** Retry-After sent while the backlog is over its cap. */
        @WithDefault("30S")
        Duration backlogRetryAfter();

        /** How long a read of the processing backlog is reused by the admission check (one query per interval). */
        @WithDefault("1S")
        Duration backlogReadInterval();
    }

    /** The Apache Tika server that extracts the text, in a process of its own (tika-server-standard). */
    Extractor extractor();

    interface Extractor {

        @WithDefault("http://127.0.0.1:9998")
        URI url();

        @WithDefault("2S")
        Duration connectTimeout();

        /**
         * Wait for Tika's answer once the file is sent; longer than {@code processing.timeout}, which Tika
         * itself enforces (it ends the parsing child), so that Tika's own answer comes first.
         */
        @WithDefault("150S")
        Duration readTimeout();

        /**
         * How long a refused connection is tried again within one attempt, before any byte is sent: Tika's child,
         * which listens on the port, is back a few seconds after it died.
         */
        @WithDefault("15S")
        Duration restartWait();
    }

    interface Processing {

        @WithDefault("true")
        boolean enabled();

        /** Documents extracted at once by this replica. */
        @WithDefault("2")
        int concurrency();

        @WithDefault("2S")
        Duration pollInterval();

        /** A claim older than this belongs to a crashed worker and is taken again. */
        @WithDefault("5M")
        Duration lease();

        /** Attempts (each claim is one, even one whose worker died) before a document is FAILED. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait after the first failed attempt; doubles each time (with jitter) up to {@code max-backoff}. */
        @WithDefault("30S")
        Duration initialBackoff();

        @WithDefault("1H")
        Duration maxBackoff();

        /**
         * Time allowed to extract one document, enforced by Tika (its child is ended and restarted); between
         * 30 s and the server's {@code taskTimeoutMillis} (150 s in deploy/tika/tika-config.xml).
         */
        @WithDefault("2M")
        Duration timeout();

        /** Extracted characters kept; the rest is cut (the document is still indexed). */
        @WithDefault("1000000")
        int maxCharacters();

        /** Tesseract languages for OCR, e.g. {@code eng+deu}. */
        @WithDefault("eng")
        String ocrLanguages();

        /** PDFs with more pages end FAILED (counted by Tika, in its process). */
        @WithDefault("1000")
        int maxPages();

        /** Images larger than this are not sent for OCR (decompression bombs); read from the image's header. */
        @WithDefault("50000000")
        long maxImagePixels();

        /**
         * Largest file, in bytes, per format whose parser holds the whole document in memory (an HTML DOM, the
         * XML parts of office files): keys {@code html}, {@code ooxml}, {@code odf}, {@code svg}, {@code rtf}
         * (InputCaps). Bigger files end FAILED without being sent. A format without a key has no cap of its own.
         */
        Map<String, Long> maxInputBytes();
    }

    /** Types allowed per extension are code (FileTypePolicy); these extensions may be switched off. */
    @WithDefault("pdf,doc,docx,txt,json,csv,xlsx,pptx,jpg,jpeg,png,gif,bmp,webp,svg,tiff,tif,xls,ppt,odt,ods,odp,rtf,html,htm")
    List<String> allowedExtensions();
}
