package io.mandate.platform.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API failure with its HTTP status and, for invalid input, every offending field at once.
 * Thrown by services and resources; {@link ApiExceptionMapper} turns it into the one error shape
 * of the REST contract, in the caller's language.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final Message message;
    private final Map<String, Message> errors;

    public ApiException(int status, Message message, Map<String, Message> errors) {
        this(status, message, errors, null);
    }

    private ApiException(int status, Message message, Map<String, Message> errors, Throwable cause) {
        super(message.english(), cause);
        this.status = status;
        this.message = message;
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /**
     * 503: Mandate's data could not be read or written just now because the database did not answer (it is down,
     * restarting, or has no connection to give). The cause is kept for the log; the caller is told only to try again.
     */
    public static ApiException unavailable(Throwable cause) {
        return new ApiException(503, Message.of("mandate.error.unavailable"), Map.of(), cause);
    }

    /** Whether the failure is {@link #unavailable}, or wraps one (a cache wraps what its loader throws). */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api && api.status() == 503) {
                return true;
            }
        }
        return false;
    }

    public static ApiException invalid(Map<String, Message> errors) {
        return new ApiException(400, Message.of("mandate.error.invalid", String.join(", ", errors.keySet())), errors);
    }

    public static ApiException invalid(String field, Message problem) {
        return invalid(Map.of(field, problem));
    }

    public static ApiException unauthorized(Message message) {
        return new ApiException(401, message, Map.of());
    }

    public static ApiException notFound(Message message) {
        return new ApiException(404, message, Map.of());
    }

    public static ApiException forbidden(Message message) {
        return new ApiException(403, message, Map.of());
    }

    public static ApiException conflict(Message message, Map<String, Message> errors) {
        return new ApiException(409, message, errors);
    }

    public int status() {
        return status;
    }

    public Message message() {
        return message;
    }

    public Map<String, Message> errorMessages() {
        return errors;
    }

    /** Field → English text: for logs and tests. */
    public Map<String, String> errors() {
        Map<String, String> english = new LinkedHashMap<>();
        errors.forEach((field, m) -> english.put(field, m.english()));
        return english;
    }
}
