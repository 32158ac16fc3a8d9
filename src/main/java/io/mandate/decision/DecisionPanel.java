package io.mandate.decision;

import io.mandate.platform.Principal;

import com.atlassian.plugin.web.ContextProvider;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import io.mandate.platform.IssueRef;
import io.mandate.platform.PersonLabel;
import io.mandate.platform.ShownIssue;
import io.mandate.platform.rest.ApiException;

import javax.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decision panel in the issue view's right column: gives the template plain values (the
 * host's Velocity escapes every one of them). Loads the decision with its people in two
 * statements (see {@link DecisionStore#find}). The template also holds the edit and history
 * dialogs (web/decision-dialog.js), which only editors get the edit part of. When Mandate's data cannot be read
 * (the database does not answer) the panel is a short notice instead, and the issue view renders as always.
 */
public class DecisionPanel implements ContextProvider {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DecisionPanel.class);

    /** How many of the people who may approve the picker is given (a group may have thousands of members). */
    static final int MAY_APPROVE_OFFERED = 50;

    private final DecisionService decisions;
    private final I18nResolver i18n;

    @Inject
    public DecisionPanel(DecisionService decisions, @ComponentImport I18nResolver i18n) {
        this.decisions = decisions;
        this.i18n = i18n;
    }

    @Override
    public void init(Map<String, String> params) {
        // no parameters
    }

    @Override
    public Map<String, Object> getContextMap(Map<String, Object> context) {
        Map<String, Object> result = new HashMap<>(context);
        result.put("i18n", new io.mandate.platform.TemplateTexts(i18n));
        Optional<ShownIssue> shown = ShownIssue.of(context.get("issue"));
        if (shown.isEmpty()) {
            result.put("decision", null);
            return result;
        }
        try {
            return withDecision(result, shown.get());
        } catch (RuntimeException e) {
            if (!ApiException.isUnavailable(e)) {
                throw e;
            }
            // the database does not answer: a short notice in the panel, and the rest of the issue view still renders
            LOG.warn("The decision panel of {} could not read Mandate's data", shown.get().key(), e);
            Map<String, Object> notice = new HashMap<>(context);
            notice.put("i18n", new io.mandate.platform.TemplateTexts(i18n));
            notice.put("unavailable", true);
            notice.put("decision", null);
            notice.put("canEdit", false);
            return notice;
        }
    }

    /**
     * The issue the view shows is judged as it is (no lookup by key), the permissions of the viewer on it once each,
     * and each person named once (a request-scoped lookup): the host is asked nothing twice.
     */
    private Map<String, Object> withDecision(Map<String, Object> result, ShownIssue shown) {
        Optional<IssueRef> visible = decisions.visibleIssue(shown);
        if (visible.isEmpty()) {
            // Jira shows the view only to people who may browse the issue; render nothing rather than fail
            result.put("decision", null);
            result.put("canEdit", false);
            return result;
        }
        IssueRef issue = visible.get();
        Optional<Decision> decision = decisions.find(issue);
        result.put("issueKey", issue.key());
        result.put("canEdit", decisions.canEdit(shown));
        // the dialog's status choices and the history's status names, in the enum's order
        result.put("statuses", java.util.Arrays.stream(DecisionStatus.values()).map(Enum::name).toList());
        java.util.function.Function<String, String> name = DecisionResource.once(this::name);
        result.put("decision", decision.map(d -> view(d, issue, decisions.today(), name)).orElse(null));
        if (Boolean.TRUE.equals(result.get("canEdit"))) {
            // the approver picker offers these first: who may approve in the decision's domain (from the matrix's caches)
            result.put("mayApprove", decisions.mayApprove(decision, issue, MAY_APPROVE_OFFERED).stream()
                    .map(decisions::person).flatMap(Optional::stream)
                    .map(p -> Map.of("name", p.name(), "label", p.displayName())).toList());
        }
        return result;
    }

    private Map<String, Object> view(Decision d, IssueRef issue, LocalDate today, java.util.function.Function<String, String> name) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", d.status().name());
        view.put("statusLozenge", switch (d.status()) {
            case DECIDED -> "success";
            case IN_PROGRESS -> "current";
            case REVERSED -> "removed";
            case DEFERRED -> "moved";
            case OPEN -> "default";
        });
        view.put("dueDate", d.dueDate() == null ? null : d.dueDate().toString());
        view.put("overdue", d.isOverdue(today));
        view.put("reviewDate", d.reviewDate() == null ? null : d.reviewDate().toString());
        view.put("dueForReview", d.isDueForReview(today));
        view.put("driver", name.apply(d.driverKey()));
        view.put("approver", name.apply(d.approverKey()));
        view.put("contributors", d.contributorKeys().stream().map(name::apply).toList());
        List<String> informed = d.informed().stream()
                .map(i -> i.type() == Principal.Type.USER ? name.apply(i.id()) : i.id())
                .toList();
        view.put("informed", informed);
        view.put("outcome", d.outcome());
        view.put("version", d.version());
        DecisionAuthority.Checks checks = decisions.checks(d, issue);
        view.put("authorityViolation", checks.authorityViolation());
        view.put("consultationGap", checks.consultationGap());
        Optional<DecisionAuthority.Findings> findings = decisions.findings(d, issue);
        view.put("domain", findings.map(DecisionAuthority.Findings::domainName).orElse(null));
        view.put("domainSetByHand", d.domainSetByHand() && findings.isPresent());
        findings.ifPresent(f -> {
            if (checks.authorityViolation()) {
                // "Alice may not approve in Architecture (holds CONSULT)"
                view.put("authorityViolationText", f.approverLevel() == null
                        ? i18n.getText("mandate.decision.check.violation.nothing", name.apply(d.approverKey()), f.domainName())
                        : i18n.getText("mandate.decision.check.violation", name.apply(d.approverKey()), f.domainName(), f.approverLevel()));
            }
            if (checks.consultationGap()) {
                String missing = String.join(", ", f.notConsulted().stream()
                        .map(p -> p.isUser() ? name.apply(p.id()) : i18n.getText("mandate.decision.check.group", p.id())).toList());
                view.put("consultationGapText", i18n.getText("mandate.decision.check.gap", f.domainName(), missing));
            }
        });
        return view;
    }

    /** The person's display name, marked "(inactive)" or — by the stored key — "(deleted)" when they may not act. */
    private String name(String userKey) {
        return userKey == null ? null : PersonLabel.display(decisions.stored(userKey), (key, arg) -> i18n.getText(key, arg));
    }
}
