package org.unionhub.core.internal.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class QrPngTest {

    /** The hand-written PNG is one that a standard reader opens, with dark modules and a light margin. */
    @Test
    void writesAPngThatImageIoReads() throws Exception {
        byte[] png = QrPng.of("http://localhost:8181/m/join?u=abcDEF123_-", 256);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(256, img.getWidth());
        assertEquals(256, img.getHeight());
        assertEquals(0xFFFFFFFF, img.getRGB(0, 0), "a light margin");
        boolean dark = false;
        for (int x = 0; x < 256 && !dark; x++) {
            dark = (img.getRGB(x, 128) & 0xFF) == 0;
        }
        assertTrue(dark, "dark modules across the middle");
    }
}
