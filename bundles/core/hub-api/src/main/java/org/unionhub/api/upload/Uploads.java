package org.unionhub.api.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;

/**
 * Reading an upload: never more than the region's limit held in memory, the stream always closed. What a client is
 * told when the file is too large or cannot be read stays the module's own words (they are in its problem texts),
 * so the module passes them in.
 */
public final class Uploads {

    private Uploads() {
    }

    /**
     * The whole body, or {@code tooLarge} as soon as more than {@code max} bytes arrived (reading stops there, the
     * rest is never buffered). A null stream is an empty body; an {@link IOException} becomes {@code unreadable}.
     */
    public static byte[] read(InputStream in, long max, Supplier<? extends RuntimeException> tooLarge,
            Function<IOException, ? extends RuntimeException> unreadable) {
        byte[] bytes = readUpTo(in, max + 1, unreadable);
        if (bytes.length > max) {
            throw tooLarge.get();
        }
        return bytes;
    }

    /**
     * At most {@code limit} bytes of the body, the rest left unread: for a module whose rules decide later (and in
     * their own order) what a body of {@code limit} bytes means. Read {@code max + 1} to tell "too large".
     */
    public static byte[] readUpTo(InputStream in, long limit, Function<IOException, ? extends RuntimeException> unreadable) {
        if (in == null) {
            return new byte[0];
        }
        try (InputStream body = in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long left = limit;
            int n;
            while (left > 0 && (n = body.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                out.write(buf, 0, n);
                left -= n;
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw unreadable.apply(e);
        }
    }

    /** 413 Payload too large naming {@code field}, with the module's {@code detail} and field {@code message}. */
    public static HubException tooLarge(String detail, String field, String message) {
        return new HubException(413, "Payload too large", detail, List.of(new FieldError(field, message)));
    }

    /** The SHA-256 of {@code content} in lower-case hex, as modules store it beside the file. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
