package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.mail.Outbox;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /rest/refhost/1.0/outbox?maxResults=}: the queued mail as JSON, newest first, for
 * administrators (anonymous 401, others 403): {@code [{"id","to","subject","body","mimeType","sentAt"}]}.
 */
public final class OutboxRestServlet extends HttpServlet {

    static final int DEFAULT_MAX = 100;
    static final int LIMIT = 1000;

    private final ProductNode node;

    public OutboxRestServlet(ProductNode node) {
        this.node = node;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        if (user == null) {
            Json.error(response, 401, "You are not logged in.");
            return;
        }
        if (!node.world().isAdmin(user)) {
            Json.error(response, 403, "You must be an administrator to read the outbox.");
            return;
        }
        int max = DEFAULT_MAX;
        String param = request.getParameter("maxResults");
        if (param != null) {
            try {
                max = Integer.parseInt(param.trim());
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 0 || max > LIMIT) {
                Json.error(response, 400, "maxResults must be a whole number between 0 and " + LIMIT + ".");
                return;
            }
        }
        List<Map<String, Object>> body = node.outbox().newestFirst(max).stream().map(OutboxRestServlet::json).toList();
        Json.write(response, 200, body);
    }

    private static Map<String, Object> json(Outbox.Message m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.id());
        json.put("to", m.to());
        json.put("subject", m.subject());
        json.put("body", m.body());
        json.put("mimeType", m.mimeType());
        json.put("sentAt", m.sentAt().toString());
        return json;
    }
}
