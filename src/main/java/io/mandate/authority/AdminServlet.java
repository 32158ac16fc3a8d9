package io.mandate.authority;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import io.mandate.decision.DecisionStore;
import io.mandate.platform.HostComponents;
import io.mandate.platform.RequestUri;

import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The Mandate administration page ({@code /plugins/servlet/mandate/admin}), linked from the
 * product's admin menu. Administrators only: anonymous callers are sent to the login page,
 * logged-in non-administrators get 403.
 */
public class AdminServlet extends HttpServlet {

    private final HostComponents host;
    private final DecisionStore decisions;

    @Inject
    public AdminServlet(HostComponents host, DecisionStore decisions) {
        this.host = host;
        this.decisions = decisions;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserManager users = host.userManager();
        UserKey user = users.getRemoteUserKey(request);
        if (user == null) {
            response.sendRedirect(host.loginUriProvider().getLoginUri(RequestUri.of(request)).toASCIIString());
            return;
        }
        if (!users.isAdmin(user)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Mandate administration is for administrators.");
            return;
        }
        Map<String, Object> context = new HashMap<>();
        context.put("i18n", host.i18n());
        context.put("decisionCount", decisions.count());
        response.setContentType("text/html;charset=UTF-8");
        host.templateRenderer().render("templates/authority/admin.vm", context, response.getWriter());
    }
}
