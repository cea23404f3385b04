package dev.intake.document.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The pixel count of an image, read from its header without decoding it: ImageIO's readers (PNG, JPEG, GIF, BMP,
 * TIFF) and WebP's RIFF header by hand. OCR of a small file that unpacks to billions of pixels would exhaust
 * Tesseract's memory, so an image whose size cannot be read this way is not sent at all.
 */
final class ImagePixels {

    private ImagePixels() {
    }

    static void check(Path image, long maxPixels) throws IOException, ExtractionFailure {
        long pixels = count(image);
        if (pixels < 0) {
            throw new ExtractionFailure("the image's size cannot be read from its header, so it is not sent for OCR",
                    true);
        }
        if (pixels > maxPixels) {
            throw new ExtractionFailure("the image has " + pixels + " pixels, more than the " + maxPixels
                    + " allowed for OCR", true);
        }
    }

    /** Width times height, or -1 when the header cannot tell. */
    static long count(Path image) throws IOException {
        long webp = webp(image);
        if (webp >= 0) {
            return webp;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return -1;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return (long) reader.getWidth(0) * reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                return -1;
            } finally {
                reader.dispose();
            }
        }
    }

    /** A WebP's canvas size from its first chunk (lossy VP8, lossless VP8L or extended VP8X), or -1. */
    static long webp(Path image) throws IOException {
        byte[] h;
        try (InputStream in = Files.newInputStream(image)) {
            h = in.readNBytes(30);
        }
        if (h.length < 30 || !ascii(h, 0, "RIFF") || !ascii(h, 8, "WEBP")) {
            return -1;
        }
        long width;
        long height;
        if (ascii(h, 12, "VP8X")) {
            width = 1 + le(h, 24, 3);
            height = 1 + le(h, 27, 3);
        } else if (ascii(h, 12, "VP8L") && (h[20] & 0xff) == 0x2f) {
            int b1 = h[22] & 0xff;
            int b2 = h[23] & 0xff;
            int b3 = h[24] & 0xff;
            width = 1 + (((b1 & 0x3f) << 8) | (h[21] & 0xff));
            height = 1 + (((b3 & 0x0f) << 10) | (b2 << 2) | ((b1 & 0xc0) >> 6));
        } else if (ascii(h, 12, "VP8 ")) {
            width = le(h, 26, 2) & 0x3fff;
            height = le(h, 28, 2) & 0x3fff;
        } else {
            return -1;
        }
        return width * height;
    }

    private static boolean ascii(byte[] bytes, int offset, String expected) {
        for (int i = 0; i < expected.length(); i++) {
            if (bytes[offset + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long le(byte[] bytes, int offset, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xff);
        }
        return value;
    }
}
