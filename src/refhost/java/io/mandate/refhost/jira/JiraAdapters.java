package io.mandate.refhost.jira;

import com.atlassian.jira.bc.project.component.ProjectComponent;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.label.Label;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.security.groups.GroupManager;
import com.atlassian.jira.security.plugin.ProjectPermissionKey;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import io.mandate.refhost.web.RequestContext;
import io.mandate.refhost.world.HostIssue;
import io.mandate.refhost.world.HostProject;
import io.mandate.refhost.world.HostUser;
import io.mandate.refhost.world.World;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Jira's core services (issues, projects, users, permissions) over the host's world. */
public final class JiraAdapters {

    private final World world;
    private final RecordingIndexingService indexing = new RecordingIndexingService();
    private final HostEvents events;

    /** @param publisher where Jira's events go: the product's {@code EventPublisher} */
    public JiraAdapters(World world, java.util.function.Consumer<Object> publisher) {
        this.world = world;
        this.events = new HostEvents(publisher);
    }

    /** The issue as Jira's API shows it, from an issue the host has already read (no second read). */
    public MutableIssue issue(HostIssue issue) {
        return new RefIssue(issue);
    }

    public IssueManager issueManager() {
        return new IssueManager() {
            @Override
            public MutableIssue getIssueObject(Long id) {
                return id == null ? null : world.issue(id).map(RefIssue::new).orElse(null);
            }

            @Override
            public MutableIssue getIssueObject(String key) {
                return key == null ? null : world.issue(key).map(RefIssue::new).orElse(null);
            }

            @Override
            public MutableIssue getIssueByCurrentKey(String key) {
                return getIssueObject(key);
            }

            @Override
            public List<Issue> getIssueObjects(Collection<Long> ids) {
                // Jira's order: as the ids were given, the ones not found left out; read in bulk, as Jira does
                return world.issues(ids).stream().map(RefIssue::new).map(Issue.class::cast).toList();
            }
        };
    }

    public PermissionManager permissionManager() {
        return new PermissionManager() {
            @Override
            public boolean hasPermission(ProjectPermissionKey permissionKey, Issue issue, ApplicationUser user) {
                // Issue security applies to every permission on the issue, as in Jira: nobody acts on an issue
                // they cannot see. Like Jira's DefaultPermissionManager, an issue object the host made is judged by
                // its own project and security level (no second read); any other Issue is read again by id.
                if (issue == null || issue.getId() == null || (user != null && !user.isActive())) {
                    return false;
                }
                String username = user == null ? null : user.getUsername();
                Optional<HostIssue> judged = issue instanceof RefIssue ref ? Optional.of(ref.hostIssue()) : world.issue(issue.getId());
                return judged
                        .filter(current -> world.canBrowseIssue(username, current))
                        .map(current -> world.hasProjectPermission(username, current.projectKey(), permissionKey.permissionKey()))
                        .orElse(false);
            }

            @Override
            public Collection<Project> getProjects(ProjectPermissionKey permissionKey, ApplicationUser user) {
                if (user != null && !user.isActive()) {
                    return List.of();
                }
                return world.projects().stream()
                        .filter(p -> world.hasProjectPermission(user == null ? null : user.getUsername(), p.key(),
                                permissionKey.permissionKey()))
                        .map(JiraAdapters::project)
                        .toList();
            }

            @Override
            public boolean hasPermission(ProjectPermissionKey permissionKey, Project project, ApplicationUser user) {
                if (project == null || (user != null && !user.isActive())) {
                    return false;
                }
                return world.hasProjectPermission(user == null ? null : user.getUsername(), project.getKey(),
                        permissionKey.permissionKey());
            }
        };
    }

    public UserManager userManager() {
        return new UserManager() {
            @Override
            public ApplicationUser getUserByName(String userName) {
                return userName == null ? null : world.userByName(userName).map(RefUser::new).orElse(null);
            }

            @Override
            public ApplicationUser getUserByKey(String userKey) {
                return userKey == null ? null : world.userByKey(userKey).map(RefUser::new).orElse(null);
            }
        };
    }

    /** The events fired for changes of the world (issue and project lifecycle), for tests and the event publisher. */
    public HostEvents events() {
        return events;
    }

    /** Creating, moving and deleting issues and projects with Jira's checks and events. */
    public IssueLifecycle lifecycle() {
        return new IssueLifecycle(world, this, events);
    }

    /**
     * Jira's issue indexing. The host has no search index (it answers searches from current
     * values), so it records which issues a plugin asked to re-index, for tests to check.
     */
    public RecordingIndexingService indexing() {
        return indexing;
    }

    /** Re-index requests, newest last; bounded so a long-running host does not grow without limit. */
    public static final class RecordingIndexingService implements com.atlassian.jira.issue.index.IssueIndexingService {
        private final java.util.Deque<String> requests = new java.util.concurrent.ConcurrentLinkedDeque<>();

        @Override
        public void reIndex(Issue issue) {
            requests.addLast(issue.getKey());
            while (requests.size() > 1000) {
                requests.pollFirst();
            }
        }

        public List<String> requests() {
            return List.copyOf(requests);
        }
    }

    /** Group members as Jira lists them: every member, inactive ones included (callers filter). */
    public GroupManager groupManager() {
        return new GroupManager() {
            @Override
            public java.util.Collection<ApplicationUser> getUsersInGroup(String groupName) {
                return groupName == null ? List.of() : world.membersOf(groupName).stream()
                        .map(world::userByName)
                        .flatMap(java.util.Optional::stream)
                        .map(u -> (ApplicationUser) new RefUser(u))
                        .toList();
            }

            /** Jira's answer for a user it does not know is an empty collection. */
            @Override
            public java.util.Collection<String> getGroupNamesForUser(ApplicationUser user) {
                return user == null ? List.of() : world.groupsOf(user.getUsername());
            }
        };
    }

    public JiraAuthenticationContext authenticationContext() {
        return new JiraAuthenticationContext() {
            @Override
            public ApplicationUser getLoggedInUser() {
                String name = RequestContext.current().username();
                return name == null ? null : world.userByName(name).map(RefUser::new).orElse(null);
            }

            @Override
            public boolean isLoggedInUser() {
                return getLoggedInUser() != null;
            }
        };
    }

    static Project project(HostProject p) {
        return new Project() {
            @Override
            public Long getId() {
                return p.id();
            }

            @Override
            public String getKey() {
                return p.key();
            }

            @Override
            public String getName() {
                return p.name();
            }
        };
    }

    /** A user as Jira's API shows one. */
    public record RefUser(HostUser user) implements ApplicationUser {
        @Override
        public String getKey() {
            return user.key();
        }

        @Override
        public String getUsername() {
            return user.username();
        }

        @Override
        public String getName() {
            return user.username();
        }

        @Override
        public String getDisplayName() {
            return user.displayName();
        }

        @Override
        public String getEmailAddress() {
            return user.email();
        }

        @Override
        public boolean isActive() {
            return user.active();
        }

        @Override
        public Long getId() {
            return user.id();
        }
    }

    /** An issue as Jira's API shows one; reads the world lazily only for its project and people. */
    public final class RefIssue implements MutableIssue {
        private final HostIssue issue;

        RefIssue(HostIssue issue) {
            this.issue = issue;
        }

        public HostIssue hostIssue() {
            return issue;
        }

        @Override
        public Long getId() {
            return issue.id();
        }

        @Override
        public String getKey() {
            return issue.key();
        }

        @Override
        public String getSummary() {
            return issue.summary();
        }

        @Override
        public Project getProjectObject() {
            // the project as it is now: after a re-key the snapshot's key is an old one
            return world.project(issue.projectKey())
                    .or(() -> world.issue(issue.id()).flatMap(current -> world.project(current.projectKey())))
                    .map(JiraAdapters::project).orElse(null);
        }

        @Override
        public Long getProjectId() {
            return getProjectObject().getId();
        }

        @Override
        public IssueType getIssueType() {
            String name = issue.issueType();
            return new IssueType() {
                @Override
                public String getId() {
                    return name;
                }

                @Override
                public String getName() {
                    return name;
                }
            };
        }

        @Override
        public Collection<ProjectComponent> getComponents() {
            List<String> names = issue.components();
            return names.stream().map(n -> (ProjectComponent) new ProjectComponent() {
                @Override
                public Long getId() {
                    return (long) names.indexOf(n);
                }

                @Override
                public String getName() {
                    return n;
                }
            }).toList();
        }

        @Override
        public Set<Label> getLabels() {
            Set<Label> labels = new LinkedHashSet<>();
            long i = 0;
            for (String l : issue.labels()) {
                labels.add(new Label(i++, issue.id(), l));
            }
            return labels;
        }

        @Override
        public ApplicationUser getAssignee() {
            return issue.assignee() == null ? null : world.userByName(issue.assignee()).map(RefUser::new).orElse(null);
        }

        @Override
        public ApplicationUser getReporter() {
            return issue.reporter() == null ? null : world.userByName(issue.reporter()).map(RefUser::new).orElse(null);
        }
    }
}
