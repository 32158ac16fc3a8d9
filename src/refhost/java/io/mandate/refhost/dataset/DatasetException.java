package io.mandate.refhost.dataset;

/** A dataset cannot be generated here (the database is not empty, or holds another dataset); the message says why. */
public final class DatasetException extends RuntimeException {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
