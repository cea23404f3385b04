package dev.intake.document.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import dev.intake.document.config.DocumentConfig;

/**
 * Reads the text of an image with the Tesseract command: the image is spooled to a temporary file,
 * its size checked from the header (no decoding) against the pixel limit, and tesseract run with a
 * time limit.
 */
final class ImageOcr {

    private final DocumentConfig.Processing config;

    ImageOcr(DocumentConfig.Processing config) {
        this.config = config;
    }

    String read(InputStream image) throws IOException, ExtractionFailure, InterruptedException {
        Path file = Files.createTempFile("intake-ocr-", ".img");
        try {
            Files.copy(image, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            checkPixels(file);
            Process process = new ProcessBuilder("tesseract", file.toString(), "stdout", "-l", config.ocrLanguages())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out;
            try (InputStream stdout = process.getInputStream()) {
                out = stdout.readNBytes(config.maxCharacters() * 4);
            }
            if (!process.waitFor(config.timeout().toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ExtractionFailure("OCR took longer than " + config.timeout().toSeconds() + " s", true);
            }
            if (process.exitValue() != 0) {
                throw new ExtractionFailure("OCR could not read the image (tesseract exit " + process.exitValue() + ")", true);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            return text.length() > config.maxCharacters() ? text.substring(0, config.maxCharacters()) : text;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void checkPixels(Path file) throws IOException, ExtractionFailure {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return; // a format ImageIO cannot size (e.g. WebP): tesseract's own limits apply
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > config.maxImagePixels()) {
                    throw new ExtractionFailure("the image has " + pixels + " pixels, more than the "
                            + config.maxImagePixels() + " allowed for OCR", true);
                }
            } finally {
                reader.dispose();
            }
        }
    }
}
