package io.mandate.platform.rest;

import java.util.Map;

/** The one error shape of the REST contract: {"message": "...", "errors": {"field": "what is wrong"}}. */
public record ErrorBody(String message, Map<String, String> errors) {
}
