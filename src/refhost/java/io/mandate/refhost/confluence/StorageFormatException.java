package io.mandate.refhost.confluence;

/** A body that is not well-formed storage format; the message is what Confluence answers ("Error parsing xhtml: …"). */
public final class StorageFormatException extends Exception {

    public StorageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
