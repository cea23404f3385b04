package dev.intake.document.service;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import dev.intake.document.config.DocumentConfig;

/**
 * Which detected content types each extension may carry. The type is detected from the bytes (Tika),
 * so an executable renamed {@code .pdf} is refused even though its name looks right.
 */
@Singleton
public class FileTypePolicy {

    private static final String OOXML = "application/x-tika-ooxml";
    private static final String OLE = "application/x-tika-msoffice";
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("pdf", Set.of("application/pdf")),
            Map.entry("doc", Set.of("application/msword", OLE)),
            Map.entry("docx", Set.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document", OOXML)),
            Map.entry("xls", Set.of("application/vnd.ms-excel", OLE)),
            Map.entry("xlsx", Set.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", OOXML)),
            Map.entry("ppt", Set.of("application/vnd.ms-powerpoint", OLE)),
            Map.entry("pptx", Set.of("application/vnd.openxmlformats-officedocument.presentationml.presentation", OOXML)),
            Map.entry("odt", Set.of("application/vnd.oasis.opendocument.text")),
            Map.entry("ods", Set.of("application/vnd.oasis.opendocument.spreadsheet")),
            Map.entry("odp", Set.of("application/vnd.oasis.opendocument.presentation")),
            Map.entry("rtf", Set.of("application/rtf")),
            Map.entry("txt", Set.of("text/plain")),
            Map.entry("csv", Set.of("text/csv", "text/plain")),
            Map.entry("json", Set.of("application/json", "text/plain")),
            Map.entry("html", Set.of("text/html", "application/xhtml+xml")),
            Map.entry("htm", Set.of("text/html", "application/xhtml+xml")),
            Map.entry("jpg", Set.of("image/jpeg")),
            Map.entry("jpeg", Set.of("image/jpeg")),
            Map.entry("png", Set.of("image/png")),
            Map.entry("gif", Set.of("image/gif")),
            Map.entry("bmp", Set.of("image/bmp", "image/x-ms-bmp")),
            Map.entry("webp", Set.of("image/webp")),
            Map.entry("svg", Set.of("image/svg+xml")),
            Map.entry("tiff", Set.of("image/tiff")),
            Map.entry("tif", Set.of("image/tiff")));

    private final Set<String> enabled;

    public FileTypePolicy(DocumentConfig config) {
        this.enabled = Set.copyOf(config.allowedExtensions().stream().map(e -> e.toLowerCase(Locale.ROOT)).toList());
    }

    public boolean extensionAllowed(String extension) {
        return enabled.contains(extension) && ALLOWED.containsKey(extension);
    }

    /** Whether bytes detected as {@code detectedType} may be stored under this extension. */
    public boolean matches(String extension, String detectedType) {
        String base = detectedType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return extensionAllowed(extension) && ALLOWED.get(extension).contains(base);
    }

    /** Whether files detected as {@code detectedType} are accepted under any extension (and so extracted). */
    public boolean extractable(String detectedType) {
        String base = detectedType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return ALLOWED.values().stream().anyMatch(types -> types.contains(base));
    }

    public Set<String> enabledExtensions() {
        return enabled;
    }
}
