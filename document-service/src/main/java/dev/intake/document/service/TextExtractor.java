package dev.intake.document.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Singleton;

import dev.intake.document.client.TikaAnswer;
import dev.intake.document.client.TikaClient;
import dev.intake.document.client.TikaRefused;
import dev.intake.document.client.TikaRequest;
import dev.intake.document.client.TikaUnavailable;
import dev.intake.document.config.DocumentConfig;
import dev.intake.document.insight.DocumentFacts;

/**
 * Extracts text and metadata through the Apache Tika server, a process of its own whose parsing child has a heap
 * cap and a time limit: a hostile file costs that child, never this service. Tika also runs Tesseract for images
 * and scanned PDFs. Checked here before a file is sent: its type, the per-format size caps, an image's pixel count.
 */
@Singleton
public class TextExtractor {

    private static final String TESSERACT = "org.apache.tika.parser.ocr.TesseractOCRParser";
    /** Parsers that Tika names without any having read the file. */
    private static final Set<String> NOT_A_PARSER = Set.of("org.apache.tika.parser.DefaultParser",
            "org.apache.tika.parser.EmptyParser", "org.apache.tika.parser.CompositeParser",
            "org.apache.tika.parser.AutoDetectParser");

    private final DocumentConfig.Processing config;
    private final TikaClient tika;
    private final InputCaps caps;
    private final FileTypePolicy types;

    public TextExtractor(DocumentConfig config, TikaClient tika, InputCaps caps, FileTypePolicy types) {
        this.config = config.processing();
        this.tika = tika;
        this.caps = caps;
        this.types = types;
    }

    /** Extracts {@code size} bytes of {@code content}, streamed to Tika as they are read. */
    public Extraction extract(InputStream content, long size, String contentType) throws ExtractionFailure {
        if (!types.extractable(contentType)) {
            throw new ExtractionFailure("files of type " + contentType + " are not extracted", true);
        }
        caps.check(contentType, size);
        if (isImage(contentType)) {
            return extractImage(content, contentType);
        }
        return extracted(send(content, size, contentType), contentType);
    }

    private static boolean isImage(String contentType) {
        return contentType.startsWith("image/") && !"image/svg+xml".equals(contentType);
    }

    /** Spooled to disk (never memory) so that the header is checked before any byte goes to OCR. */
    private Extraction extractImage(InputStream content, String contentType) throws ExtractionFailure {
        Path file = null;
        try {
            file = Files.createTempFile("intake-image-", ".img");
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            ImagePixels.check(file, config.maxImagePixels());
            try (InputStream image = Files.newInputStream(file)) {
                return extracted(send(image, Files.size(file), contentType), contentType);
            }
        } catch (IOException e) {
            throw new ExtractionFailure("the file could not be read (" + e.getClass().getSimpleName() + ")", false);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans its temp directory
                }
            }
        }
    }

    private TikaAnswer send(InputStream content, long size, String contentType) throws ExtractionFailure {
        // Tika has no JSON parser: JSON is text to us
        String sentType = "application/json".equals(contentType) ? "text/plain" : contentType;
        try {
            return tika.extract(new TikaRequest(content, size, sentType, config.maxCharacters(), config.ocrLanguages(),
                    config.timeout()));
        } catch (TikaRefused e) {
            String otherwise = switch (e.status()) {
                case 200 -> e.detail();
                case 415 -> "the extractor does not support files of type " + contentType;
                default -> "the file could not be parsed (the extractor answered HTTP " + e.status() + ")";
            };
            throw new ExtractionFailure(reasonFor(e.detail(), otherwise), true);
        } catch (TikaUnavailable e) {
            throw new ExtractionFailure(e.getMessage(), false);
        }
    }

    private Extraction extracted(TikaAnswer answer, String contentType) throws ExtractionFailure {
        String exception = answer.first(TikaAnswer.PARSE_EXCEPTION);
        if (exception != null) {
            throw new ExtractionFailure(reasonFor(exception, "the file could not be parsed (" + exceptionName(exception)
                    + ")"), true);
        }
        List<String> parsers = answer.all(TikaAnswer.PARSED_BY);
        if (parsers.stream().allMatch(NOT_A_PARSER::contains)) {
            throw new ExtractionFailure("the extractor has no parser for files of type " + contentType, true);
        }
        Integer pages = integer(answer.first("xmpTPg:NPages"));
        if ("application/pdf".equals(contentType) && pages != null && pages > config.maxPages()) {
            throw new ExtractionFailure("the PDF has " + pages + " pages, more than the " + config.maxPages()
                    + " allowed", true);
        }
        String text = answer.text().strip();
        boolean truncated = answer.truncated();
        if (text.length() > config.maxCharacters()) {
            text = text.substring(0, config.maxCharacters());
            truncated = true;
        }
        return new Extraction(text, truncated, facts(answer, pages), ocrStatus(parsers, contentType));
    }

    private static String ocrStatus(List<String> parsers, String contentType) {
        boolean ocr = parsers.contains(TESSERACT);
        if (isImage(contentType)) {
            return ocr ? "applied" : "skipped: the extractor has no OCR (tesseract)";
        }
        if ("application/pdf".equals(contentType)) {
            return ocr ? "applied" : "not needed";
        }
        return null;
    }

    /** A reason from Tika's exception text: its class names tell encrypted, empty and zip bombs apart. */
    static String reasonFor(String exception, String otherwise) {
        String text = exception == null ? "" : exception;
        if (text.contains("EncryptedDocumentException")) {
            return "the file is encrypted or password-protected";
        }
        if (text.contains("ZeroByteFileException")) {
            return "the file is empty";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("zipbomb") || lower.contains("zip bomb")) {
            return "suspected zip bomb: unpacks far beyond its size";
        }
        return otherwise;
    }

    /** {@code org.apache.tika.exception.TikaException: TIKA-198 ...} gives {@code TikaException}. */
    private static String exceptionName(String exception) {
        int colon = exception.indexOf(':');
        String name = (colon < 0 ? exception : exception.substring(0, colon)).strip();
        int dot = name.lastIndexOf('.');
        name = dot < 0 ? name : name.substring(dot + 1);
        return name.isEmpty() || name.length() > 80 || name.contains(" ") ? "parse error" : name;
    }

    private static DocumentFacts facts(TikaAnswer answer, Integer pages) {
        return new DocumentFacts(blankToNull(answer.first("dc:title")), blankToNull(answer.first("dc:creator")),
                instant(answer.first("dcterms:created")), instant(answer.first("dcterms:modified")), pages);
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
