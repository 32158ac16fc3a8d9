package io.mandate.platform;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import io.mandate.platform.rest.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * What a Mandate servlet answers while its data cannot be read — the database does not answer
 * ({@link ApiException#isUnavailable}): status 503 and the page's own title in the product's chrome with the notice the
 * issue panels show ("Mandate could not read its data just now…", in the reader's language), instead of the host's
 * plain error page. A CSV download gets the same as plain text. Any other failure is left to the host.
 */
public final class UnavailablePage {

    private static final Logger LOG = LoggerFactory.getLogger(UnavailablePage.class);
    private static final String TEMPLATE = "templates/platform/unavailable.vm";

    private final TemplateRenderer templates;
    private final I18nResolver i18n;

    public UnavailablePage(TemplateRenderer templates, I18nResolver i18n) {
        this.templates = templates;
        this.i18n = i18n;
    }

    /** A page's work, which may fail because the database does not answer. */
    @FunctionalInterface
    public interface Work {
        void run() throws IOException;
    }

    /**
     * Runs the page's work; if Mandate's data could not be read, answers the notice page instead (titled by the
     * {@code titleKey} text, in the {@code decorator} chrome). Nothing may have been written yet when the data fails:
     * every Mandate page reads its data before it renders.
     */
    public void orNotice(HttpServletResponse response, String titleKey, String decorator, Work work) throws IOException {
        orElse(response, work, () -> {
            response.setContentType("text/html;charset=UTF-8");
            Map<String, Object> context = new HashMap<>();
            context.put("i18n", new TemplateTexts(i18n));
            context.put("title", i18n.getText(titleKey));
            context.put("decorator", decorator);
            templates.render(TEMPLATE, context, response.getWriter());
        });
    }

    /** As {@link #orNotice} for a download: the notice as plain text. */
    public void orPlainNotice(HttpServletResponse response, Work work) throws IOException {
        orElse(response, work, () -> {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(i18n.getText("mandate.panel.unavailable"));
        });
    }

    private static void orElse(HttpServletResponse response, Work work, Work notice) throws IOException {
        try {
            work.run();
        } catch (RuntimeException e) {
            if (!ApiException.isUnavailable(e)) {
                throw e;
            }
            LOG.warn("A Mandate page could not read its data: {}", e.toString());
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            notice.run();
        }
    }
}
