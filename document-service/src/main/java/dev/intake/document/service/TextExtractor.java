package dev.intake.document.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.apache.tika.parser.csv.TextAndCSVParser;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.jboss.logging.Logger;
import org.xml.sax.SAXException;

import dev.intake.document.config.DocumentConfig;
import dev.intake.document.insight.DocumentFacts;

/**
 * Extracts text and metadata with Apache Tika (and Tesseract OCR for images and scanned PDFs when it
 * is installed), within limits against hostile files: time, characters, compression ratio, pixels.
 */
@Singleton
public class TextExtractor {

    private static final Logger LOG = Logger.getLogger(TextExtractor.class);

    private final DocumentConfig.Processing config;
    private final AutoDetectParser parser;
    private final boolean ocrAvailable;
    private final ImageOcr imageOcr;
    private final ExecutorService parsing = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "tika-parse");
        thread.setDaemon(true);
        return thread;
    });

    public TextExtractor(DocumentConfig config) {
        this.config = config.processing();
        // only the formats we accept: fewer parsers, less attack surface, and no RAR (its library is excluded)
        this.parser = new AutoDetectParser(new PDFParser(), new OOXMLParser(), new OfficeParser(),
                new OpenDocumentParser(), new RTFParser(), new JSoupParser(), new TextAndCSVParser(),
                tesseract());
        AutoDetectParserConfig limits = new AutoDetectParserConfig();
        limits.setMaximumCompressionRatio(this.config.maxCompressionRatio());
        limits.setMaximumDepth(100);
        parser.setAutoDetectParserConfig(limits);
        this.ocrAvailable = tesseractInstalled();
        this.imageOcr = new ImageOcr(this.config);
        LOG.infof("OCR %s", ocrAvailable ? "available (tesseract, languages " + this.config.ocrLanguages() + ")"
                : "unavailable: tesseract is not installed; images yield no text");
    }

    public boolean ocrAvailable() {
        return ocrAvailable;
    }

    public Extraction extract(InputStream content, String contentType, String filename) throws ExtractionFailure {
        Future<Extraction> job = parsing.submit(() -> parse(content, contentType, filename));
        try {
            return job.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            throw new ExtractionFailure("extraction took longer than " + config.timeout().toSeconds() + " s", true);
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExtractionFailure("interrupted", false);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ExtractionFailure failure) {
                throw failure;
            }
            throw classify(e.getCause());
        }
    }

    private Extraction parse(InputStream content, String contentType, String filename) throws Exception {
        if ("application/pdf".equals(contentType)) {
            // counted before parsing: the page tree is read, not the pages' content
            java.nio.file.Path pdf = java.nio.file.Files.createTempFile("intake-pdf-", ".pdf");
            try {
                java.nio.file.Files.copy(content, pdf, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                checkPages(pdf);
                try (InputStream again = java.nio.file.Files.newInputStream(pdf)) {
                    return parseWithTika(again, contentType, filename);
                }
            } finally {
                java.nio.file.Files.deleteIfExists(pdf);
            }
        }
        return parseWithTika(content, contentType, filename);
    }

    private void checkPages(java.nio.file.Path pdf) throws ExtractionFailure, IOException {
        int pages;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            pages = document.getNumberOfPages();
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new ExtractionFailure("the file is encrypted or password-protected", true);
        } catch (IOException e) {
            return; // not readable by PDFBox: Tika's parse reports the real problem
        }
        if (pages > config.maxPages()) {
            throw new ExtractionFailure("the PDF has " + pages + " pages, more than the " + config.maxPages()
                    + " allowed", true);
        }
    }

    private Extraction parseWithTika(InputStream content, String contentType, String filename) throws Exception {
        if (contentType.startsWith("image/") && !"image/svg+xml".equals(contentType)) {
            String text = ocrAvailable ? imageOcr.read(content) : "";
            return new Extraction(text, false, DocumentFacts.NONE,
                    ocrAvailable ? "applied" : "skipped: tesseract not installed");
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        // Tika has no JSON parser: JSON is text to us
        metadata.set(Metadata.CONTENT_TYPE, "application/json".equals(contentType) ? "text/plain" : contentType);
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setLanguage(config.ocrLanguages());
        ocr.setSkipOcr(!ocrAvailable);
        context.set(TesseractOCRConfig.class, ocr);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(ocrAvailable ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);

        StringWriter text = new StringWriter();
        WriteOutContentHandler limited = new WriteOutContentHandler(text, config.maxCharacters());
        boolean truncated = false;
        try {
            parser.parse(content, new BodyContentHandler(limited), metadata, context);
        } catch (SAXException | TikaException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw e;
            }
            truncated = true;
        }
        boolean image = contentType.startsWith("image/");
        String ocrStatus = image || "application/pdf".equals(contentType)
                ? (ocrAvailable ? "applied when needed" : "skipped: tesseract not installed") : null;
        return new Extraction(text.toString(), truncated, facts(metadata), ocrStatus);
    }

    private static DocumentFacts facts(Metadata metadata) {
        Integer pages = metadata.getInt(PagedText.N_PAGES);
        return new DocumentFacts(blankToNull(metadata.get(TikaCoreProperties.TITLE)),
                blankToNull(metadata.get(TikaCoreProperties.CREATOR)), instant(metadata.getDate(TikaCoreProperties.CREATED)),
                instant(metadata.getDate(TikaCoreProperties.MODIFIED)), pages);
    }

    private static ExtractionFailure classify(Throwable e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof EncryptedDocumentException) {
                return new ExtractionFailure("the file is encrypted or password-protected", true);
            }
            if (cause instanceof org.apache.tika.exception.ZeroByteFileException) {
                return new ExtractionFailure("the file is empty", true);
            }
            if (cause.getClass().getSimpleName().contains("ZipBomb")
                    || String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
                return new ExtractionFailure("suspected zip bomb: unpacks far beyond its size", true);
            }
            cause = cause.getCause();
        }
        if (e instanceof TikaException || e instanceof SAXException) {
            return new ExtractionFailure("the file could not be parsed (" + e.getClass().getSimpleName() + ")", true);
        }
        if (e instanceof IOException) {
            return new ExtractionFailure("the file could not be read (" + e.getClass().getSimpleName() + ")", false);
        }
        return new ExtractionFailure("extraction failed (" + e.getClass().getSimpleName() + ")", true);
    }

    /** Built outside a TikaConfig, the OCR parser must be initialised to find its executable. */
    private static TesseractOCRParser tesseract() {
        TesseractOCRParser ocr = new TesseractOCRParser();
        try {
            ocr.initialize(java.util.Collections.emptyMap());
        } catch (org.apache.tika.exception.TikaConfigException e) {
            LOG.warnf("OCR parser not initialised: %s", e.getClass().getSimpleName());
        }
        return ocr;
    }

    private static boolean tesseractInstalled() {
        try {
            Process process = new ProcessBuilder("tesseract", "--version").redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @PreDestroy
    void stop() {
        parsing.shutdownNow();
    }
}
