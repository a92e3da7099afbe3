package com.certportal.pki;

import java.util.Arrays;
import java.util.Objects;

/**
 * D1: one downloadable file.
 *
 * @param fileName {@code {cn}_{certificateId}.{ext}}, safe in a Content-Disposition header and on any
 *     file system
 * @param contentType the media type to send it with
 * @param content the file's bytes (a copy: the record is a value)
 */
public record Download(String fileName, String contentType, byte[] content) {

    public Download {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Download that
                && fileName.equals(that.fileName)
                && contentType.equals(that.contentType)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Download[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
