package org.unionhub.jobfairs.internal;

import java.util.Locale;

/**
 * The attachment types a CV may have, recognised by their first bytes and not by what the client
 * claims: an executable renamed ".pdf" and sent as application/pdf is still refused.
 */
public enum AttachmentType {
    PDF("application/pdf", new int[] {0x25, 0x50, 0x44, 0x46, 0x2D}),
    PNG("image/png", new int[] {0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A}),
    JPEG("image/jpeg", new int[] {0xFF, 0xD8, 0xFF});

    private final String mediaType;
    private final int[] magic;

    AttachmentType(String mediaType, int[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The type a Content-Type header names (parameters ignored), or null when it is none of ours. */
    public static AttachmentType ofMediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String bare = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (AttachmentType t : values()) {
            if (t.mediaType.equals(bare) || (t == JPEG && bare.equals("image/jpg"))) {
                return t;
            }
        }
        return null;
    }

    /** The type the content really has, by its signature, or null when it is none of ours. */
    public static AttachmentType detect(byte[] content) {
        for (AttachmentType t : values()) {
            if (t.matches(content)) {
                return t;
            }
        }
        return null;
    }

    private boolean matches(byte[] content) {
        if (content == null || content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    public static String allowed() {
        return "application/pdf, image/png or image/jpeg";
    }
}
