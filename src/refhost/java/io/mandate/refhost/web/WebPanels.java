package io.mandate.refhost.web;

import com.atlassian.plugin.web.ContextProvider;
import io.mandate.refhost.ProductNode;
import io.mandate.refhost.plugin.PluginDescriptor;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/** Renders the plugin's web panels of one location, in weight order, as Jira's web interface manager does. */
public final class WebPanels {

    private WebPanels() {
    }

    public static String render(ProductNode node, String location, Map<String, Object> context) {
        StringBuilder html = new StringBuilder();
        node.plugin().descriptor().webPanels().stream()
                .filter(p -> p.location().equals(location))
                .sorted(Comparator.comparingInt(PluginDescriptor.WebPanel::weight))
                .forEach(panel -> html.append(renderOne(node, panel, context)));
        return html.toString();
    }

    private static String renderOne(ProductNode node, PluginDescriptor.WebPanel panel, Map<String, Object> context) {
        Map<String, Object> panelContext = new HashMap<>(context);
        if (panel.contextProvider() != null) {
            ContextProvider provider = node.plugin().moduleObject(panel.contextProvider(), ContextProvider.class);
            panelContext = provider.getContextMap(panelContext);
        }
        String label = panel.labelKey() == null ? panel.key() : node.i18n().getText(panel.labelKey());
        String body = node.templates().renderToString(panel.viewTemplate(), panelContext);
        return "<div class=\"module toggle-wrap\" id=\"" + escape(panel.key()) + "-module\"><div class=\"mod-header\"><h4 class=\"toggle-title\">"
                + escape(label) + "</h4></div><div class=\"mod-content\">" + body + "</div></div>";
    }
}
