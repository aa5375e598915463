package org.unionhub.mutualaid.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FileTypesTest {

    @Test
    void recognisesPdfJpegAndPngByTheirFirstBytes() {
        assertEquals(FileTypes.PDF, FileTypes.detect("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(FileTypes.JPEG, FileTypes.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0}));
        assertEquals(FileTypes.PNG, FileTypes.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}));
    }

    @Test
    void refusesEverythingElse() {
        assertNull(FileTypes.detect("MZ executable".getBytes(StandardCharsets.US_ASCII)));
        assertNull(FileTypes.detect("%PD".getBytes(StandardCharsets.US_ASCII)));
        assertNull(FileTypes.detect(new byte[0]));
        assertNull(FileTypes.detect("<html>%PDF-".getBytes(StandardCharsets.US_ASCII)));
    }
}
