package org.unionhub.api.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.unionhub.api.HubException;

class UploadsTest {

    private static final Function<IOException, RuntimeException> UNREADABLE =
            e -> HubException.badRequest("body", "could not read the upload: " + e.getMessage());

    /** A body that counts what was read from it and whether it was closed. */
    private static final class Body extends ByteArrayInputStream {
        int read;
        boolean closed;

        Body(int size) {
            super(new byte[size]);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void readsABodyUpToTheLimitAndClosesIt() {
        Body body = new Body(10);
        assertEquals(10, Uploads.read(body, 10, () -> new IllegalStateException(), UNREADABLE).length);
        assertTrue(body.closed);
        assertEquals(0, Uploads.read(null, 10, () -> new IllegalStateException(), UNREADABLE).length);
    }

    @Test
    void refusesOneByteMoreWithTheModulesProblemAndStopsReading() {
        Body body = new Body(1_000_000);
        HubException e = assertThrows(HubException.class, () -> Uploads.read(body, 10,
                () -> Uploads.tooLarge("a document may have at most 10 bytes", "body", "larger than 10 bytes"), UNREADABLE));
        assertEquals(413, e.status());
        assertEquals("Payload too large", e.title());
        assertEquals("body", e.errors().get(0).field());
        assertEquals("larger than 10 bytes", e.errors().get(0).message());
        assertEquals(11, body.read); // never more than the limit and the one byte that tells
        assertTrue(body.closed);
        assertThrows(HubException.class, () -> Uploads.read(new Body(11), 10,
                () -> Uploads.tooLarge("x", "attachment", "y"), UNREADABLE));
    }

    @Test
    void readUpToLeavesTheRestUnread() {
        Body body = new Body(100);
        assertEquals(11, Uploads.readUpTo(body, 11, UNREADABLE).length);
        assertEquals(11, body.read);
        assertEquals(5, Uploads.readUpTo(new Body(5), 11, UNREADABLE).length);
    }

    @Test
    void aFailingStreamIsTheModulesBadRequest() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        HubException e = assertThrows(HubException.class, () -> Uploads.read(broken, 10, IllegalStateException::new, UNREADABLE));
        assertEquals(400, e.status());
        assertEquals("body", e.errors().get(0).field());
        assertEquals("could not read the upload: connection reset", e.errors().get(0).message());
    }

    @Test
    void detectsTypesByTheirFirstBytesOnly() {
        assertSame(FileType.PDF, FileType.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertSame(FileType.PNG, FileType.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}));
        assertSame(FileType.JPEG, FileType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertNull(FileType.detect("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)));
        assertNull(FileType.detect("%PD".getBytes(StandardCharsets.US_ASCII)));
        assertNull(FileType.detect("<html>%PDF-".getBytes(StandardCharsets.US_ASCII)));
        assertNull(FileType.detect(new byte[0]));
        assertNull(FileType.detect(null));
    }

    @Test
    void namesTypesByTheirExactMediaType() {
        assertSame(FileType.PDF, FileType.ofMediaType("Application/PDF; name=cv.pdf"));
        assertSame(FileType.JPEG, FileType.ofMediaType("image/jpeg"));
        assertNull(FileType.ofMediaType("image/jpg"));
        assertNull(FileType.ofMediaType("application/octet-stream"));
        assertNull(FileType.ofMediaType(null));
        assertEquals("image/png", FileType.bare(" IMAGE/PNG ;charset=x"));
    }

    @Test
    void hashesAsLowerCaseHex() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Uploads.sha256(new byte[0]));
        assertArrayEquals(new byte[0], Uploads.readUpTo(null, 5, UNREADABLE));
    }
}
