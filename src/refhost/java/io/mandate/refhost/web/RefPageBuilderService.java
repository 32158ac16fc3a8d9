package io.mandate.refhost.web;

import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.atlassian.webresource.api.assembler.WebResourceAssembler;

/**
 * The host's {@link PageBuilderService}, in both products: the assembler of the current request's page
 * ({@link RequestContext#pageResources()}), which the decorator ({@link Page}) renders into the page's
 * {@code <head>}. Like the WRM's request-local page builder, it exists only while a request is served: called on
 * any other thread it fails, so a plugin cannot require resources that no page would ever show.
 */
public final class RefPageBuilderService implements PageBuilderService {

    @Override
    public WebResourceAssembler assembler() {
        if (!RequestContext.inRequest()) {
            throw new IllegalStateException("PageBuilderService.assembler() outside a request: no page to require resources for");
        }
        return RequestContext.current().pageResources();
    }
}
