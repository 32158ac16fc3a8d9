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
        super(message.english());
        this.status = status;
        this.message = message;
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
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
