package io.mandate.platform;

import com.atlassian.jira.bc.project.component.ProjectComponent;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.index.IssueIndexingService;
import com.atlassian.jira.issue.label.Label;
import com.atlassian.jira.permission.ProjectPermissions;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.security.plugin.ProjectPermissionKey;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.plugin.spring.scanner.annotation.imports.JiraImport;
import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;

import javax.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@link IssueAccess} over Jira's IssueManager and PermissionManager. */
@JiraComponent
public class JiraIssueAccess implements IssueAccess {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JiraIssueAccess.class);

    private final IssueManager issueManager;
    private final PermissionManager permissionManager;
    private final UserManager userManager;
    private final IssueIndexingService indexing;

    @Inject
    public JiraIssueAccess(@JiraImport IssueManager issueManager, @JiraImport PermissionManager permissionManager,
                           @JiraImport UserManager userManager, @JiraImport IssueIndexingService indexing) {
        this.issueManager = issueManager;
        this.permissionManager = permissionManager;
        this.userManager = userManager;
        this.indexing = indexing;
    }

    @Override
    public Optional<IssueRef> browsable(String issueKey, Optional<Person> user) {
        return visible(byKey(issueKey), user);
    }

    /** The issue by key, or null; getIssueObject(key) also finds an issue by a key it had before a move or a re-key, as Jira does. */
    private Issue byKey(String issueKey) {
        if (issueKey == null || issueKey.isBlank() || issueKey.length() > 255) {
            return null;
        }
        return issueManager.getIssueObject(issueKey.trim().toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public Optional<Editable> editable(String issueKey, Optional<Person> user) {
        Issue issue = byKey(issueKey);
        return visible(issue, user).map(ref -> new Editable(ref, user.map(u -> canEdit(issue, u)).orElse(false)));
    }

    @Override
    public Optional<IssueRef> browsable(long issueId, Optional<Person> user) {
        return visible(issueManager.getIssueObject(issueId), user);
    }

    /**
     * One call to the host per {@link IssueBatch#SIZE} issues ({@code getIssueObjects}; Jira reads them in batched
     * queries) — so a whole-instance list never holds more than that many of Jira's issue objects at once, only their
     * {@link IssueRef}s — the user looked up once, then Jira's permission check on each issue object (answered from
     * Jira's permission caches).
     */
    @Override
    public Map<Long, IssueRef> browsableByIds(Collection<Long> issueIds, Optional<Person> user) {
        if (issueIds.isEmpty()) {
            return Map.of();
        }
        ApplicationUser appUser = user.map(p -> userManager.getUserByKey(p.key())).orElse(null);
        List<Long> ids = issueIds instanceof List<Long> list ? list : new ArrayList<>(issueIds);
        Map<Long, IssueRef> visible = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += IssueBatch.SIZE) {
            for (Issue issue : issueManager.getIssueObjects(ids.subList(from, Math.min(ids.size(), from + IssueBatch.SIZE)))) {
                if (issue != null && has(ProjectPermissions.BROWSE_PROJECTS, issue, appUser)) {
                    visible.put(issue.getId(), toRef(issue));
                }
            }
        }
        return visible;
    }

    @Override
    public Optional<IssueRef> browsable(ShownIssue shown, Optional<Person> user) {
        return visible(shown.issue(), user);
    }

    @Override
    public boolean canEdit(ShownIssue shown, Person user) {
        return canEdit(shown.issue(), user);
    }

    private boolean canEdit(Issue issue, Person user) {
        ApplicationUser appUser = userManager.getUserByKey(user.key());
        return issue != null && appUser != null && has(ProjectPermissions.EDIT_ISSUES, issue, appUser);
    }

    /** The issue if the user may browse it; hasPermission on the issue honours issue security, as in Jira. */
    private Optional<IssueRef> visible(Issue issue, Optional<Person> user) {
        if (issue == null) {
            return Optional.empty();
        }
        ApplicationUser appUser = user.map(p -> userManager.getUserByKey(p.key())).orElse(null);
        if (!has(ProjectPermissions.BROWSE_PROJECTS, issue, appUser)) {
            return Optional.empty();
        }
        return Optional.of(toRef(issue));
    }

    @Override
    public Set<Long> browsableProjects(Optional<Person> user) {
        Set<Long> ids = new TreeSet<>();
        for (Project project : projects(user)) {
            ids.add(project.getId());
        }
        return ids;
    }

    @Override
    public Optional<Long> browsableProject(String projectKey, Optional<Person> user) {
        if (projectKey == null) {
            return Optional.empty();
        }
        return projects(user).stream().filter(p -> projectKey.trim().equalsIgnoreCase(p.getKey()))
                .map(Project::getId).findFirst();
    }

    @Override
    public Set<String> administeredProjectKeys(Person user) {
        return keys(projects(ProjectPermissions.ADMINISTER_PROJECTS, Optional.of(user)));
    }

    private static Set<String> keys(Collection<Project> projects) {
        Set<String> keys = new TreeSet<>();
        for (Project project : projects) {
            keys.add(project.getKey().toUpperCase(java.util.Locale.ROOT));
        }
        return keys;
    }

    private Collection<Project> projects(Optional<Person> user) {
        return projects(ProjectPermissions.BROWSE_PROJECTS, user);
    }

    private Collection<Project> projects(ProjectPermissionKey permission, Optional<Person> user) {
        ApplicationUser appUser = user.map(p -> userManager.getUserByKey(p.key())).orElse(null);
        if (user.isPresent() && appUser == null) {
            return List.of(); // a user the host no longer knows browses nothing, not what anonymous may
        }
        return permissionManager.getProjects(permission, appUser);
    }

    @Override
    public boolean canEdit(IssueRef issueRef, Person user) {
        return canEdit(issueManager.getIssueObject(issueRef.id()), user);
    }

    private boolean has(ProjectPermissionKey permission, Issue issue, ApplicationUser user) {
        return permissionManager.hasPermission(permission, issue, user);
    }

    private static IssueRef toRef(Issue issue) {
        Collection<ProjectComponent> components = issue.getComponents();
        Project project = issue.getProjectObject();
        return new IssueRef(issue.getId(), issue.getKey(), issue.getSummary(), project.getId(), project.getKey(),
                issue.getIssueType() == null ? null : issue.getIssueType().getName(),
                components == null ? List.of() : components.stream().map(ProjectComponent::getName).toList(),
                issue.getLabels() == null ? List.of() : issue.getLabels().stream().map(Label::getLabel).sorted().toList());
    }

    @Override
    public void reindex(IssueRef issueRef) {
        try {
            Issue issue = issueManager.getIssueObject(issueRef.id());
            if (issue != null) {
                indexing.reIndex(issue);
            }
        } catch (Exception e) { // IndexException (checked) or a runtime failure of the index
            LOG.warn("Issue {} could not be re-indexed after its decision changed; searches by Decision owner"
                    + " may show the old value until the next re-index", issueRef.key(), e);
        }
    }
}
