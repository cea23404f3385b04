package dev.intake.document.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePixelsTest {

    @TempDir
    Path dir;

    /** A RIFF/WEBP file whose first chunk is {@code fourCc} with {@code payload} from byte 20 on. */
    private Path webp(String fourCc, byte... payload) throws Exception {
        byte[] bytes = new byte[40];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
        System.arraycopy("WEBP".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 4);
        System.arraycopy(fourCc.getBytes(StandardCharsets.US_ASCII), 0, bytes, 12, 4);
        System.arraycopy(payload, 0, bytes, 20, payload.length);
        Path file = dir.resolve(fourCc.strip() + ".webp");
        Files.write(file, bytes);
        return file;
    }

    @Test
    void extendedWebpGivesItsCanvas() throws Exception {
        // canvas width-1 and height-1 as 24-bit little-endian at bytes 24 and 27: 16384 x 16384
        Path file = webp("VP8X", (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0xff, (byte) 0x3f, (byte) 0,
                (byte) 0xff, (byte) 0x3f, (byte) 0);
        assertEquals(16384L * 16384, ImagePixels.count(file));
        ExtractionFailure refused = assertThrows(ExtractionFailure.class, () -> ImagePixels.check(file, 50_000_000));
        assertTrue(refused.getMessage().contains("268435456 pixels"), refused.getMessage());
        assertTrue(refused.permanent());
    }

    @Test
    void losslessAndLossyWebpGiveTheirSize() throws Exception {
        // VP8L: signature 0x2f, then 14-bit width-1 and height-1: 100 x 50
        int w = 99;
        int h = 49;
        long bits = w | ((long) h << 14);
        Path lossless = webp("VP8L", (byte) 0x2f, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24));
        assertEquals(100L * 50, ImagePixels.count(lossless));
        // VP8: frame tag (3), start code (3), then 14-bit width and height at bytes 26 and 28: 640 x 480
        Path lossy = webp("VP8 ", (byte) 0, (byte) 0, (byte) 0, (byte) 0x9d, (byte) 0x01, (byte) 0x2a, (byte) 0x80,
                (byte) 0x02, (byte) 0xe0, (byte) 0x01);
        assertEquals(640L * 480, ImagePixels.count(lossy));
    }

    @Test
    void pngIsSizedFromItsHeaderAndUnknownImagesAreRefused() throws Exception {
        Path png = dir.resolve("a.png");
        ImageIO.write(new BufferedImage(300, 20, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        assertEquals(6000, ImagePixels.count(png));
        ImagePixels.check(png, 6000);

        Path unknown = dir.resolve("x.img");
        Files.writeString(unknown, "not an image at all, just some text");
        ExtractionFailure refused = assertThrows(ExtractionFailure.class, () -> ImagePixels.check(unknown, 50_000_000));
        assertTrue(refused.getMessage().contains("cannot be read from its header"), refused.getMessage());
    }
}
