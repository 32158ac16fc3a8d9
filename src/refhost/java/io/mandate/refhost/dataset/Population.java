package io.mandate.refhost.dataset;

import io.mandate.refhost.world.Passwords;
import io.mandate.refhost.world.World;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The people of a dataset: the administrator ({@code admin}, user 0) and {@code u00001}… — each with the password
 * of their username — the groups jira-administrators, jira-software-users (everyone) and teams, and who is in which.
 * Two seeded orders of the active users make the load skewed: the authority order (its top tenth leads the domains,
 * a broader Zipf draw over it picks their other deciding holders, so the same few people hold the deciding grants of
 * many domains and approve most decisions) and the activity order (reporters, drivers, contributors).
 */
final class Population {

    static final long FIRST_ID = 10_000L;
    static final String ADMINISTRATORS = "jira-administrators";
    static final String USERS = "jira-software-users";
    private static final double INACTIVE = 0.02;
    private static final double AUTHORITY_SKEW = 0.7;
    /** Domains are led by the top tenth of the authority order (at least three people), the first of them the most. */
    private static final double LEAD_POOL = 0.1;
    private static final double LEAD_SKEW = 0.6;
    private static final double ACTIVITY_SKEW = 0.8;
    private static final double TEAM_SKEW = 0.7;

    final String[] usernames;
    final boolean[] active;
    private final String[] displayNames;
    private final String[] salts;
    private final int[] authority;
    private final Zipf authorityDraw;
    private final Zipf leadDraw;
    private final int[] activity;
    private final Zipf activityDraw;
    private final String[] teams;
    private final int[][] teamsOf;
    private final int[][] membersOf;

    private Population(String[] usernames, boolean[] active, String[] displayNames, String[] salts, int[] authority,
                       int[] activity, String[] teams, int[][] teamsOf) {
        this.usernames = usernames;
        this.active = active;
        this.displayNames = displayNames;
        this.salts = salts;
        this.authority = authority;
        this.activity = activity;
        this.teams = teams;
        this.teamsOf = teamsOf;
        authorityDraw = new Zipf(authority.length, AUTHORITY_SKEW);
        leadDraw = new Zipf(Math.max(3, Math.min(authority.length, (int) Math.ceil(authority.length * LEAD_POOL))), LEAD_SKEW);
        activityDraw = new Zipf(activity.length, ACTIVITY_SKEW);
        List<List<Integer>> members = new ArrayList<>();
        for (int t = 0; t < teams.length; t++) {
            members.add(new ArrayList<>());
        }
        for (int u = 0; u < teamsOf.length; u++) {
            for (int t : teamsOf[u]) {
                members.get(t).add(u);
            }
        }
        membersOf = members.stream().map(m -> m.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    static Population plan(DatasetSpec spec, long seed) {
        int n = spec.users();
        int width = Words.digitWidth(n - 1, 5);
        String[] usernames = new String[n];
        boolean[] active = new boolean[n];
        String[] displayNames = new String[n];
        String[] salts = new String[n];
        List<Integer> actives = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            SplittableRandom r = Rng.of(seed, Rng.Stream.USER, u);
            byte[] salt = new byte[16];
            for (int i = 0; i < salt.length; i++) {
                salt[i] = (byte) r.nextInt(256);
            }
            salts[u] = HexFormat.of().formatHex(salt);
            if (u == 0) {
                usernames[u] = "admin";
                displayNames[u] = "Administrator";
                active[u] = true;
                continue;
            }
            usernames[u] = "u" + Words.digits(u, width);
            displayNames[u] = Words.pick(Words.FIRST_NAMES, r) + " " + Words.pick(Words.LAST_NAMES, r);
            active[u] = !Rng.chance(r, INACTIVE) || u == 1; // u00001 is the documented login: always active
            if (active[u]) {
                actives.add(u);
            }
        }
        int[] pool = actives.stream().mapToInt(Integer::intValue).toArray();
        int[] authority = reorder(pool, Rng.permutation(pool.length, Rng.of(seed, Rng.Stream.ORDER, 1)));
        int[] activity = reorder(pool, Rng.permutation(pool.length, Rng.of(seed, Rng.Stream.ORDER, 2)));

        int teamCount = spec.groups() - 2;
        String[] teams = new String[teamCount];
        int teamWidth = Words.digitWidth(teamCount, 4);
        for (int t = 0; t < teamCount; t++) {
            teams[t] = "team-" + Words.digits(t + 1, teamWidth);
        }
        Zipf teamDraw = new Zipf(teamCount, TEAM_SKEW);
        int[] teamOrder = Rng.permutation(teamCount, Rng.of(seed, Rng.Stream.ORDER, 3));
        int[][] teamsOf = new int[n][];
        teamsOf[0] = new int[0];
        for (int u = 1; u < n; u++) {
            SplittableRandom r = Rng.of(seed, Rng.Stream.TEAM, u);
            int wanted = Math.min(teamCount, 1 + (Rng.chance(r, 0.4) ? 1 : 0) + (Rng.chance(r, 0.1) ? 1 : 0));
            Set<Integer> chosen = new LinkedHashSet<>();
            for (int attempt = 0; chosen.size() < wanted && attempt < 50; attempt++) {
                chosen.add(teamOrder[teamDraw.sample(r)]);
            }
            teamsOf[u] = chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return new Population(usernames, active, displayNames, salts, authority, activity, teams, teamsOf);
    }

    private static int[] reorder(int[] pool, int[] permutation) {
        int[] out = new int[pool.length];
        for (int i = 0; i < pool.length; i++) {
            out[i] = pool[permutation[i]];
        }
        return out;
    }

    int size() {
        return usernames.length;
    }

    /** The user key, Jira style, as the host gives it ({@code JIRAUSER} + id). */
    String key(int user) {
        return "JIRAUSER" + (FIRST_ID + user);
    }

    String username(int user) {
        return usernames[user];
    }

    /** An active user, drawn so that a few carry most authority. */
    int authorityUser(SplittableRandom random) {
        return authority[authorityDraw.sample(random)];
    }

    /** An active user from the top of the authority order: who leads a domain. */
    int leadUser(SplittableRandom random) {
        return authority[leadDraw.sample(random)];
    }

    /** An active user, drawn so that some are much busier than others. */
    int activeUser(SplittableRandom random) {
        return activity[activityDraw.sample(random)];
    }

    /** An active user, each as likely. */
    int anyActiveUser(SplittableRandom random) {
        return activity[random.nextInt(activity.length)];
    }

    int activeCount() {
        return activity.length;
    }

    int teamCount() {
        return teams.length;
    }

    String team(int team) {
        return teams[team];
    }

    /** The team's members, active or not. */
    int[] members(int team) {
        return membersOf[team];
    }

    void write(Loader loader) throws SQLException {
        Loader.Table users = loader.table("HOST_USER", "HOST_USER", List.of("ID", "USER_KEY", "USERNAME",
                "LOWER_USERNAME", "DISPLAY_NAME", "LOWER_DISPLAY_NAME", "EMAIL", "ACTIVE", "SYSTEM_ADMIN", "PASSWORD_SALT",
                "PASSWORD_HASH"));
        Loader.Table groups = loader.table("HOST_GROUP", "HOST_GROUP", List.of("GROUP_NAME"));
        Loader.Table memberships = loader.table("HOST_MEMBERSHIP", "HOST_MEMBERSHIP",
                List.of("GROUP_NAME", "LOWER_USERNAME"), users, groups);
        Loader.Table globalGrants = loader.table("HOST_GLOBAL_GRANT", "HOST_GLOBAL_GRANT",
                List.of("PERMISSION_NAME", "HOLDER_TYPE", "HOLDER"));
        for (int u = 0; u < size(); u++) {
            String name = usernames[u];
            // the password is the username: a fixture for local runs and benchmarks, never a real installation
            users.add(FIRST_ID + u, key(u), name, lower(name), displayNames[u], lower(displayNames[u]),
                    name + "@example.com", active[u], u == 0, salts[u], Passwords.hash(salts[u], name));
        }
        groups.add(ADMINISTRATORS);
        groups.add(USERS);
        for (String team : teams) {
            groups.add(team);
        }
        memberships.add(ADMINISTRATORS, usernames[0]);
        for (int u = 0; u < size(); u++) {
            memberships.add(USERS, usernames[u]);
            for (int t : teamsOf[u]) {
                memberships.add(teams[t], usernames[u]);
            }
        }
        // Jira's default: the users group may browse users and groups (the pickers' suggestions)
        globalGrants.add(World.USER_PICKER, "GROUP", USERS);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
