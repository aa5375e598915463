package org.unionhub.api.upload;

import java.util.Locale;

/**
 * The file types modules accept for documents, recognised by their first bytes and not by what the client says:
 * an executable renamed ".pdf" and sent as application/pdf is still refused. The constant names (PDF, PNG, JPEG)
 * appear in problem messages.
 */
public enum FileType {
    PDF("application/pdf", 0x25, 0x50, 0x44, 0x46, 0x2D),
    PNG("image/png", 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A),
    JPEG("image/jpeg", 0xFF, 0xD8, 0xFF);

    private final String mediaType;
    private final int[] magic;

    FileType(String mediaType, int... magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The type {@code content} really has, by its signature, or null when it is none of these. */
    public static FileType detect(byte[] content) {
        for (FileType t : values()) {
            if (t.matches(content)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The type a Content-Type header names exactly (parameters and case ignored), or null when it names none of
     * these. Aliases such as {@code image/jpg} are the module's choice, so they are not accepted here.
     */
    public static FileType ofMediaType(String contentType) {
        String bare = bare(contentType);
        for (FileType t : values()) {
            if (t.mediaType.equals(bare)) {
                return t;
            }
        }
        return null;
    }

    /** The media type without parameters, trimmed and in lower case; null stays null. */
    public static String bare(String contentType) {
        return contentType == null ? null : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
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
}
