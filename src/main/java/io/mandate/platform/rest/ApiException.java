package io.mandate.platform.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API failure with its HTTP status and, for invalid input, every offending field at once.
 * Thrown by services and resources; {@link ApiExceptionMapper} turns it into the one error shape
 * of the REST contract.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final Map<String, String> errors;

    public ApiException(int status, String message, Map<String, String> errors) {
        super(message);
        this.status = status;
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public static ApiException invalid(Map<String, String> errors) {
        return new ApiException(400, "The request has invalid fields: " + String.join(", ", errors.keySet()) + ".", errors);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message, Map.of());
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message, Map.of());
    }

    public static ApiException conflict(String message, Map<String, String> errors) {
        return new ApiException(409, message, errors);
    }

    public int status() {
        return status;
    }

    public Map<String, String> errors() {
        return errors;
    }
}
