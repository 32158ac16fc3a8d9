package io.mandate.platform;

import com.atlassian.jira.security.groups.GroupManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.plugin.spring.scanner.annotation.imports.JiraImport;
import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;

import javax.inject.Inject;
import java.util.Collection;
import java.util.List;

/** {@link GroupDirectory} over Jira's GroupManager (nested groups are expanded by Jira). */
@JiraComponent
public class JiraGroupDirectory implements GroupDirectory {

    private final GroupManager groupManager;
    private final com.atlassian.jira.user.util.UserManager users;

    @Inject
    public JiraGroupDirectory(@JiraImport GroupManager groupManager, @JiraImport com.atlassian.jira.user.util.UserManager users) {
        this.groupManager = groupManager;
        this.users = users;
    }

    @Override
    public java.util.Set<String> groupsOf(String userKey) {
        ApplicationUser user = userKey == null ? null : users.getUserByKey(userKey);
        if (user == null) {
            return java.util.Set.of();
        }
        Collection<String> names = groupManager.getGroupNamesForUser(user);
        return names == null ? java.util.Set.of() : java.util.Set.copyOf(names);
    }

    @Override
    public List<Person> membersOf(String group) {
        if (group == null || group.isBlank()) {
            return List.of();
        }
        Collection<ApplicationUser> users = groupManager.getUsersInGroup(group);
        if (users == null) {
            return List.of();
        }
        return users.stream().map(JiraPeople::person).toList();
    }
}
