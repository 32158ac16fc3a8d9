package io.mandate.refhost.dataset;

import io.mandate.refhost.world.World;

import java.sql.SQLException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Jira projects of a dataset ({@code PAA}, {@code PAB}, …), their issues in contiguous blocks (issue {@code i}
 * of the dataset is in the project whose block holds it), permissions and the one issue security level each
 * project's scheme has. Most projects are browsable by everyone; one in ten only by its two teams. Editing,
 * creating and moving issues go to the project's teams; administering, deleting and issue security to its lead.
 */
final class Projects {

    static final long FIRST_ID = 10_000L;
    static final String LEVEL_NAME = "Confidential";
    static final List<String> ISSUE_TYPES = List.of("Task", "Story", "Bug", "Epic");
    static final List<String> COMPONENTS = List.of("Backend", "Frontend", "Infrastructure");
    private static final double RESTRICTED = 0.1;

    private final String[] keys;
    private final String[] names;
    private final int[] leads;
    private final int[][] teams;
    private final boolean[] restricted;
    private final int[] firstIssue;

    private Projects(String[] keys, String[] names, int[] leads, int[][] teams, boolean[] restricted, int[] firstIssue) {
        this.keys = keys;
        this.names = names;
        this.leads = leads;
        this.teams = teams;
        this.restricted = restricted;
        this.firstIssue = firstIssue;
    }

    static Projects plan(DatasetSpec spec, long seed, Population people) {
        int n = spec.projects();
        int width = Words.letterWidth(n);
        String[] keys = new String[n];
        String[] names = new String[n];
        int[] leads = new int[n];
        int[][] teams = new int[n][];
        boolean[] restricted = new boolean[n];
        int[] firstIssue = new int[n + 1];
        int combinations = Words.AREAS.size() * Words.PROJECT_SUFFIXES.size();
        for (int p = 0; p < n; p++) {
            SplittableRandom r = Rng.of(seed, Rng.Stream.PROJECT, p);
            keys[p] = "P" + Words.letters(p, width);
            int name = p % combinations;
            names[p] = Words.AREAS.get(name % Words.AREAS.size()) + " "
                    + Words.PROJECT_SUFFIXES.get(name / Words.AREAS.size())
                    + (p >= combinations ? " " + (p / combinations + 1) : "");
            leads[p] = people.activeUser(r);
            int t1 = p % people.teamCount();
            int t2 = (p * 7 + 3) % people.teamCount();
            teams[p] = t1 == t2 ? new int[]{t1} : new int[]{t1, t2};
            restricted[p] = Rng.chance(r, RESTRICTED);
            firstIssue[p + 1] = firstIssue[p] + spec.issues() / n + (p < spec.issues() % n ? 1 : 0);
        }
        return new Projects(keys, names, leads, teams, restricted, firstIssue);
    }

    int size() {
        return keys.length;
    }

    String key(int project) {
        return keys[project];
    }

    long id(int project) {
        return FIRST_ID + project;
    }

    /** The id of the project's security level (one level per project). */
    long levelId(int project) {
        return FIRST_ID + project;
    }

    int[] teams(int project) {
        return teams[project];
    }

    /** The dataset-wide index of the project's first issue. */
    int firstIssue(int project) {
        return firstIssue[project];
    }

    /** How many issues the project has. */
    int issueCount(int project) {
        return firstIssue[project + 1] - firstIssue[project];
    }

    void write(Loader loader, Population people) throws SQLException {
        Loader.Table projects = loader.table("HOST_PROJECT", "HOST_PROJECT",
                List.of("ID", "PROJECT_KEY", "PROJECT_NAME", "LEAD_USERNAME"));
        Loader.Table types = loader.table("HOST_PROJECT_ISSUE_TYPE", "HOST_PROJECT_ISSUE_TYPE",
                List.of("PROJECT_ID", "SEQ", "ISSUE_TYPE"), projects);
        Loader.Table components = loader.table("HOST_PROJECT_COMPONENT", "HOST_PROJECT_COMPONENT",
                List.of("PROJECT_ID", "SEQ", "COMPONENT_NAME"), projects);
        Loader.Table grants = loader.table("HOST_PROJECT_GRANT", "HOST_PROJECT_GRANT",
                List.of("PROJECT_ID", "PERMISSION_NAME", "HOLDER_TYPE", "HOLDER"), projects);
        Loader.Table counters = loader.table("HOST_PROJECT_COUNTER", "HOST_PROJECT_COUNTER",
                List.of("PROJECT_ID", "LAST_NUM"), projects);
        Loader.Table levels = loader.table("HOST_SECURITY_LEVEL", "HOST_SECURITY_LEVEL",
                List.of("ID", "PROJECT_ID", "LEVEL_NAME"), projects);
        Loader.Table members = loader.table("HOST_SECURITY_MEMBER", "HOST_SECURITY_MEMBER",
                List.of("LEVEL_ID", "HOLDER_TYPE", "HOLDER"), levels);
        for (int p = 0; p < size(); p++) {
            long id = id(p);
            String lead = people.username(leads[p]);
            projects.add(id, keys[p], names[p], lead);
            for (int i = 0; i < ISSUE_TYPES.size(); i++) {
                types.add(id, i, ISSUE_TYPES.get(i));
            }
            for (int i = 0; i < COMPONENTS.size(); i++) {
                components.add(id, i, COMPONENTS.get(i));
            }
            if (restricted[p]) {
                for (int t : teams[p]) {
                    grants.add(id, World.BROWSE_PROJECTS, "GROUP", people.team(t));
                }
            } else {
                grants.add(id, World.BROWSE_PROJECTS, "GROUP", Population.USERS);
            }
            for (String permission : List.of(World.EDIT_ISSUES, World.CREATE_ISSUES, World.MOVE_ISSUES)) {
                for (int t : teams[p]) {
                    grants.add(id, permission, "GROUP", people.team(t));
                }
            }
            for (String permission : List.of(World.ADMINISTER_PROJECTS, World.DELETE_ISSUES, World.SET_ISSUE_SECURITY)) {
                grants.add(id, permission, "USER", lead);
            }
            // Jira's pcounter: the next issue created in the project continues after the generated ones
            counters.add(id, (long) issueCount(p));
            // the level's members, as Jira's: the lead, the issue's reporter and the project's first team
            levels.add(levelId(p), id, LEVEL_NAME);
            members.add(levelId(p), "USER", lead);
            members.add(levelId(p), "REPORTER", "");
            members.add(levelId(p), "GROUP", people.team(teams[p][0]));
        }
    }
}
