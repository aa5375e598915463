package org.unionhub.api.personal;

/**
 * A file a module keeps about a member. {@code id} is the module's own key of the file, as text; {@code section}
 * names what it belongs to ({@code claims}, {@code applications}).
 */
public record PersonalAttachment(String id, String section, String fileName, String contentType, long sizeBytes) {
}
