package dev.intake.document.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Upload limits and the processing worker's bounds. */
@ConfigMapping(prefix = "intake.document")
public interface DocumentConfig {

    /** Largest accepted file, in bytes (50 MB like the old system). */
    @WithDefault("52428800")
    long maxSizeBytes();

    Processing processing();

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

        /** Time allowed to extract one document. */
        @WithDefault("2M")
        Duration timeout();

        /** Extracted characters kept; the rest is cut (the document is still indexed). */
        @WithDefault("1000000")
        int maxCharacters();

        /** Tesseract languages for OCR, e.g. {@code eng+deu}. */
        @WithDefault("eng")
        String ocrLanguages();

        /** PDFs with more pages are refused before their text is extracted. */
        @WithDefault("1000")
        int maxPages();

        /** Images larger than this are not OCRed (decompression bombs). */
        @WithDefault("50000000")
        long maxImagePixels();

        /** Allowed ratio of unpacked to packed bytes in office files and archives. */
        @WithDefault("100")
        long maxCompressionRatio();
    }

    /** Types allowed per extension are code (FileTypePolicy); these extensions may be switched off. */
    @WithDefault("pdf,doc,docx,txt,json,csv,xlsx,pptx,jpg,jpeg,png,gif,bmp,webp,svg,tiff,tif,xls,ppt,odt,ods,odp,rtf,html,htm")
    List<String> allowedExtensions();
}
