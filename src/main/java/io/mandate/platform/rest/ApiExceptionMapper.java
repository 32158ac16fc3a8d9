package io.mandate.platform.rest;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;

import javax.inject.Inject;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders {@link ApiException} as the contract's JSON error body, in the caller's language. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    private final I18nResolver i18n;

    @Inject
    public ApiExceptionMapper(@ComponentImport I18nResolver i18n) {
        this.i18n = i18n;
    }

    @Override
    public Response toResponse(ApiException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.errorMessages().forEach((field, message) -> errors.put(field, text(message)));
        return Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ErrorBody(text(e.message()), errors))
                .build();
    }

    private String text(Message message) {
        return i18n.getText(message.key(), message.arguments());
    }
}
