package io.mandate.charter;

import io.mandate.platform.Person;
import io.mandate.platform.PersonLabel;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the team charter macro shows, as plain maps, lists and strings (the host's Velocity escapes every one of
 * them; charter texts are never markup): the charter (name, space, purpose, members with roles), the team's decision
 * rights and open decisions from Jira, a plain notice for every part Jira could not give, and the edit link for
 * people who may edit the charter's space. Sentences are worded here, so the template only places them.
 */
final class CharterMacroView {

    /** The plugin's texts in the viewer's language. */
    interface Texts {
        String get(String key, String... args);
    }

    private final Texts texts;
    private final Function<String, Person> personOfKey;

    CharterMacroView(Texts texts, Function<String, Person> personOfKey) {
        this.texts = texts;
        this.personOfKey = personOfKey;
    }

    /** The macro without a team to show: no parameter, or no charter the viewer may see (and the editor, when they might create it). */
    Map<String, Object> missing(String teamKey, String createUrl) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("missing", teamKey == null || teamKey.isBlank() ? texts.get("mandate.charter.macro.noTeam")
                : texts.get("mandate.charter.macro.none", teamKey));
        view.put("createUrl", createUrl);
        return view;
    }

    /**
     * The charter with what Jira said.
     *
     * @param spaceName the charter's space as the viewer sees it named
     * @param editUrl   the editor, for people who may edit the space; null otherwise
     */
    Map<String, Object> charter(Charter charter, String spaceName, TeamDecisionData jira, String editUrl) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("teamKey", charter.teamKey());
        view.put("name", charter.name());
        view.put("space", texts.get("mandate.charter.macro.space", spaceName == null ? charter.spaceKey() : spaceName));
        view.put("purpose", charter.purpose() == null || charter.purpose().isBlank() ? null : charter.purpose());
        List<Map<String, Object>> members = new ArrayList<>();
        for (Charter.Member m : charter.members()) {
            Person p = personOfKey.apply(m.userKey());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", p.name());
            row.put("displayName", PersonLabel.display(p, texts::get));
            row.put("state", p.state().jsonName());
            row.put("role", m.role());
            members.add(row);
        }
        view.put("members", members);
        view.put("editUrl", editUrl);
        view.put("notices", notices(jira.notices(), texts));
        view.put("domains", domains(jira));
        view.put("hasDomains", !charter.domains().isEmpty());
        view.put("jiraLoaded", jira.loaded());
        view.put("decisions", decisions(jira));
        view.put("decisionsMore", jira.decisionsTotal() > jira.decisions().size()
                ? texts.get("mandate.charter.macro.decisionsMore", String.valueOf(jira.decisionsTotal() - jira.decisions().size()))
                : null);
        return view;
    }

    /** Each notice as the page shows it: its kind (what the page marks it with), its sentence, and a link to act on. */
    static List<Map<String, Object>> notices(List<JiraNotice> notices, Texts texts) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (JiraNotice n : notices) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", n.kind());
            row.put("text", texts.get(n.key(), n.args().toArray(new String[0])));
            row.put("link", n.link() == null ? null : n.link().toString());
            row.put("linkText", n.link() == null ? null : texts.get(n.key() + ".link"));
            result.add(row);
        }
        return result;
    }

    private List<Map<String, Object>> domains(TeamDecisionData jira) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (TeamDecisionData.DomainRights d : jira.domains()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", d.key());
            row.put("name", d.name() == null || d.name().isBlank() ? d.key() : d.name());
            row.put("known", d.known());
            row.put("loaded", d.loaded());
            row.put("approvers", holders(d.approvers()));
            row.put("coDeciders", holders(d.coDeciders()));
            row.put("consulted", holders(d.consulted()));
            result.add(row);
        }
        return result;
    }

    private List<Map<String, Object>> holders(List<TeamDecisionData.Holder> holders) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (TeamDecisionData.Holder h : holders) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", h.group() ? texts.get("mandate.charter.macro.group", h.name()) : PersonLabel.display(h.person(), texts::get));
            row.put("state", h.group() ? "" : h.state().jsonName());
            row.put("backup", h.backup() == null ? null : texts.get("mandate.charter.macro.backup", h.backup()));
            result.add(row);
        }
        return result;
    }

    private List<Map<String, Object>> decisions(TeamDecisionData jira) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (TeamDecisionData.OpenDecision d : jira.decisions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("issueKey", d.issueKey());
            row.put("url", issueUrl(jira.jiraUrl(), d.issueKey()).orElse(null));
            row.put("summary", d.summary());
            row.put("status", statusText(d.status()));
            row.put("owner", d.approver() == null ? null
                    : PersonLabel.display(new Person(d.approver(), d.approver(), d.approver(), d.approverState()), texts::get));
            row.put("due", d.dueDate() == null ? null : d.dueDate().toString());
            row.put("overdue", d.overdue());
            row.put("domain", d.domain());
            result.add(row);
        }
        return result;
    }

    private String statusText(String status) {
        return switch (status) {
            case "OPEN", "IN_PROGRESS", "DECIDED", "DEFERRED", "REVERSED" -> texts.get("mandate.decision.status." + status);
            default -> status;
        };
    }

    /** {@code <Jira>/browse/KEY} for an http(s) Jira; nothing for anything else (no other scheme becomes a link). */
    static Optional<String> issueUrl(URI jira, String issueKey) {
        return jiraPage(jira, "/browse/" + java.net.URLEncoder.encode(issueKey, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@code <Jira><path>} for an http(s) Jira; nothing for anything else. */
    static Optional<String> jiraPage(URI jira, String path) {
        if (jira == null || jira.getScheme() == null
                || !("http".equalsIgnoreCase(jira.getScheme()) || "https".equalsIgnoreCase(jira.getScheme()))) {
            return Optional.empty();
        }
        String base = jira.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return Optional.of(base + path);
    }
}
