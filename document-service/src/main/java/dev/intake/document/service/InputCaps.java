package dev.intake.document.service;

import java.util.Locale;
import java.util.Map;

import jakarta.inject.Singleton;

import dev.intake.document.config.DocumentConfig;

/**
 * Size caps for formats whose parser holds the whole document in memory (an HTML DOM, the XML parts of office
 * files): a bigger file would only exhaust the extractor's heap, so it ends FAILED before it is sent.
 */
@Singleton
public class InputCaps {

    private final Map<String, Long> caps;

    public InputCaps(DocumentConfig config) {
        this.caps = Map.copyOf(config.processing().maxInputBytes());
    }

    /** The cap's key ({@code intake.document.processing.max-input-bytes.<key>}) for a content type, or null. */
    static String formatOf(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
            return "html";
        }
        if (type.startsWith("application/vnd.openxmlformats-officedocument.") || type.equals("application/x-tika-ooxml")) {
            return "ooxml";
        }
        if (type.startsWith("application/vnd.oasis.opendocument.")) {
            return "odf";
        }
        if (type.equals("image/svg+xml")) {
            return "svg";
        }
        if (type.equals("application/rtf")) {
            return "rtf";
        }
        return null;
    }

    void check(String contentType, long size) throws ExtractionFailure {
        String format = formatOf(contentType);
        Long cap = format == null ? null : caps.get(format);
        if (cap != null && size > cap) {
            throw new ExtractionFailure(format.toUpperCase(Locale.ROOT) + " files over " + megabytes(cap)
                    + " are not extracted (cap intake.document.processing.max-input-bytes." + format + "); this one has "
                    + megabytes(size), true);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
