package org.unionhub.mutualaid.internal;

/** Recognises the documents a claim accepts by their first bytes, not by what the client says they are. */
final class FileTypes {

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private FileTypes() {
    }

    /** The media type of {@code content}, or null when it is none of PDF, JPEG, PNG. */
    static String detect(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return PDF;
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return JPEG;
        }
        if (startsWith(content, PNG_MAGIC)) {
            return PNG;
        }
        return null;
    }

    static boolean isDocumentType(String mediaType) {
        return PDF.equals(mediaType) || JPEG.equals(mediaType) || PNG.equals(mediaType);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content == null || content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
