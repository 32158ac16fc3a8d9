package io.mandate.refhost.world;

/**
 * Thrown when the host's world cannot be read or written, wrapping the database's error.
 */
public final class WorldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    WorldException(String message, Throwable cause) {
        super(message, cause);
    }
}
