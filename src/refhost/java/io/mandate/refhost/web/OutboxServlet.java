package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.mail.Outbox;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * {@code /secure/admin/outbox}: the mail Jira has queued, newest first, for administrators. Every
 * value is escaped: subjects and bodies carry what users typed (summaries, outcomes).
 */
public final class OutboxServlet extends HttpServlet {

    static final int PAGE_SIZE = 200;

    private final ProductNode node;

    public OutboxServlet(ProductNode node) {
        this.node = node;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        if (user == null) {
            Page.sendToLogin(request, response, node);
            return;
        }
        if (!node.world().isAdmin(user)) {
            Page.message(response, node, 403, "Outbox", "You must be an administrator to see this page.");
            return;
        }
        List<Outbox.Message> messages = node.outbox().newestFirst(PAGE_SIZE);
        StringBuilder html = new StringBuilder("<div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\">"
                + "<section class=\"aui-page-panel-content\"><h1>Outbox</h1>"
                + "<p>Mail that Jira has queued, newest first (at most " + PAGE_SIZE + "). The reference host sends"
                + " nothing; it keeps every message here. JSON: <code>/rest/refhost/1.0/outbox</code>.</p>");
        if (messages.isEmpty()) {
            html.append("<p id=\"outbox-empty\">No mail has been queued yet.</p>");
        } else {
            html.append("<table class=\"aui\" id=\"outbox\"><thead><tr><th>Queued (UTC)</th><th>To</th><th>Subject</th>"
                    + "<th>Message</th></tr></thead><tbody>");
            for (Outbox.Message m : messages) {
                html.append("<tr data-id=\"").append(m.id()).append("\"><td>").append(escape(m.sentAt().toString()))
                        .append("</td><td class=\"outbox-to\">").append(escape(m.to()))
                        .append("</td><td class=\"outbox-subject\">").append(escape(m.subject()))
                        .append("</td><td><pre class=\"outbox-body\">").append(escape(m.body()))
                        .append("</pre></td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("</section></div></div>");
        Page.write(response, node, "Outbox", html.toString(), List.of());
    }
}
