package io.mandate.charter;

import com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.ProductClock;
import io.mandate.platform.SpaceAccess;
import io.mandate.platform.rest.ApiException;
import io.mandate.platform.rest.Message;

import javax.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Team charters with the permissions of the space each lives in (REST contract, "Confluence side"): whoever may view
 * the space reads the charter, whoever may edit it changes the charter; a charter in a space the caller cannot view
 * is "not found", exactly like one that does not exist. Every change is audited with its author.
 */
@ConfluenceComponent
public class CharterService {

    private final CharterStore store;
    private final SpaceAccess spaces;
    private final People people;
    private final ProductClock clock;

    @Inject
    public CharterService(CharterStore store, SpaceAccess spaces, People people, ProductClock clock) {
        this.store = store;
        this.spaces = spaces;
        this.people = people;
        this.clock = clock;
    }

    /** The logged-in user, if any. */
    public Optional<Person> currentUser() {
        return people.currentUser();
    }

    /** The logged-in caller; 401 otherwise. */
    public Person caller() {
        return people.currentUser().orElseThrow(() -> ApiException.unauthorized(Message.of("mandate.error.login.charter")));
    }

    /** The charter, if it exists and the current user may view its space. */
    public Optional<Charter> visible(String teamKey) {
        if (teamKey == null || !CharterInput.TEAM_KEY.matcher(teamKey).matches()) {
            return Optional.empty();
        }
        return store.find(teamKey).filter(c -> spaces.viewable(c.spaceKey()).isPresent());
    }

    /** GET: the charter; 404 when there is none or its space is hidden from the caller. */
    public Charter require(String teamKey) {
        caller();
        return visible(teamKey).orElseThrow(() -> notFound(teamKey));
    }

    /** Whether the current user may change the charter (edit permission on its space). */
    public boolean canEdit(Charter charter) {
        return spaces.canEdit(charter.spaceKey());
    }

    /** The name of a space the current user may view (the key when it has none); empty otherwise. */
    public Optional<String> spaceName(String spaceKey) {
        return spaces.viewable(spaceKey).map(SpaceAccess.SpaceRef::name);
    }

    /**
     * The charters the caller may see, by team key: of one space ({@code spaceKey}; 400 naming {@code space} when
     * it is unknown or hidden from them) or of every space they may view.
     */
    public List<Charter> list(String spaceKey) {
        caller();
        if (spaceKey != null && !spaceKey.isBlank()) {
            if (spaces.viewable(spaceKey.trim()).isEmpty()) {
                throw ApiException.invalid("space", Message.of("mandate.error.charter.space.unknown", spaceKey.trim()));
            }
            return store.inSpace(spaceKey.trim());
        }
        Map<String, Boolean> viewable = new HashMap<>();
        List<Charter> result = new ArrayList<>();
        for (Charter c : store.all()) {
            if (viewable.computeIfAbsent(c.spaceKey(), k -> spaces.viewable(k).isPresent())) {
                result.add(c);
            }
        }
        return result;
    }

    /**
     * PUT: creates the charter, or replaces it when {@code version} names the current one. Creating needs edit
     * permission on the space given; replacing needs it on the space the charter lives in and on the one it moves to.
     */
    public Charter put(String teamKey, ObjectNode body) {
        Person author = caller();
        if (teamKey == null || !CharterInput.TEAM_KEY.matcher(teamKey).matches()) {
            throw ApiException.invalid("teamKey", Message.of("mandate.error.charter.teamKey", String.valueOf(teamKey)));
        }
        Optional<Charter> current = store.find(teamKey);
        if (current.isPresent()) {
            if (spaces.viewable(current.get().spaceKey()).isEmpty()) {
                throw notFound(teamKey);
            }
            requireEditor(current.get().spaceKey());
        }
        Map<String, Message> errors = new LinkedHashMap<>();
        CharterInput in = CharterInput.read(body, errors);
        Charter next = validate(teamKey, current, in, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        requireEditor(next.spaceKey());
        if (current.isPresent() && current.get().version() != in.version()) {
            throw stale(current.get().version());
        }
        if (current.isEmpty() && in.version() != null) {
            throw vanished();
        }
        List<CharterChange> audit = CharterDiff.between(current, next, author.key(), clock.now());
        if (current.isPresent() && audit.isEmpty()) {
            return current.get(); // nothing changed: no new version, no audit entry
        }
        try {
            return current.isPresent() ? store.update(next, in.version(), audit) : store.create(next, audit);
        } catch (StaleCharterException e) {
            throw stale(e.currentVersion());
        }
    }

    /**
     * DELETE: removes the charter (a team that disbanded), audited; needs edit permission on its space. With a
     * {@code version} the delete is conditional (409 when stale); without, it removes whatever version is current.
     */
    public void delete(String teamKey, String version) {
        Person author = caller();
        Charter current = visible(teamKey).orElseThrow(() -> notFound(teamKey));
        requireEditor(current.spaceKey());
        Integer expected = null;
        if (version != null) {
            // as the decision's DELETE: ASCII digits within int range (a blank version is no licence to delete whatever
            // is current, and Integer.valueOf would read other scripts' digits and negative numbers)
            if (!version.matches("[0-9]{1,10}") || Long.parseLong(version) > Integer.MAX_VALUE) {
                throw ApiException.invalid("version", Message.of("mandate.error.version.format"));
            }
            expected = Integer.valueOf(version);
        }
        List<CharterChange> audit = CharterDiff.removed(current, author.key(), clock.now());
        try {
            store.delete(teamKey, expected == null ? current.version() : expected, audit);
        } catch (StaleCharterException e) {
            throw stale(e.currentVersion());
        }
    }

    /** The changes to a charter the caller may view, newest first. */
    public List<CharterChange> history(String teamKey, int limit) {
        require(teamKey);
        return store.history(teamKey, limit);
    }

    /** The current username of a stored user key (the key itself for a user Confluence no longer knows). */
    public String nameOf(String userKey) {
        return people.nameOf(userKey);
    }

    /** The person behind a stored user key, for display: active, inactive, or deleted (shown by the key). */
    public Person person(String userKey) {
        return people.ofKey(userKey);
    }

    private Charter validate(String teamKey, Optional<Charter> current, CharterInput in, Map<String, Message> errors) {
        if (in.teamKey() != null && !in.teamKey().equals(teamKey) && !errors.containsKey("teamKey")) {
            errors.put("teamKey", Message.of("mandate.error.charter.teamKeyFixed", teamKey));
        }
        if (current.isPresent() && in.version() == null && !errors.containsKey("version")) {
            errors.put("version", Message.of("mandate.error.version.requiredAny", current.get().version()));
        }
        String space = null;
        if (in.space() != null && !errors.containsKey("space")) {
            Optional<SpaceAccess.SpaceRef> ref = spaces.viewable(in.space());
            if (ref.isEmpty()) {
                errors.put("space", Message.of("mandate.error.charter.space.unknown", in.space()));
            } else {
                space = ref.get().key();
            }
        }
        List<Charter.Member> members = members(in.members(), errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Charter(teamKey, in.name(), space, in.purpose(), members, in.domains(), current.map(Charter::version).orElse(0));
    }

    /** The members by user key; every unknown or inactive username, and every one given twice, named in one problem. */
    private List<Charter.Member> members(List<CharterInput.MemberInput> given, Map<String, Message> errors) {
        if (errors.containsKey("members")) {
            return List.of();
        }
        List<Charter.Member> members = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (CharterInput.MemberInput m : given) {
            Optional<Person> p = people.byName(m.name()).filter(people::isActive);
            if (p.isEmpty()) {
                unknown.add(m.name());
            } else if (!seen.add(p.get().key())) {
                twice.add(m.name());
            } else {
                members.add(new Charter.Member(p.get().key(), m.role() == null || m.role().isBlank() ? null : m.role()));
            }
        }
        if (!unknown.isEmpty()) {
            errors.put("members", Message.of("mandate.error.users.unknown", String.join(", ", unknown)));
        } else if (!twice.isEmpty()) {
            errors.put("members", Message.of("mandate.error.charter.members.twice", String.join(", ", twice)));
        }
        return members;
    }

    private void requireEditor(String spaceKey) {
        if (!spaces.canEdit(spaceKey)) {
            throw ApiException.forbidden(Message.of("mandate.error.charter.readOnly", spaceKey));
        }
    }

    private static ApiException notFound(String teamKey) {
        return ApiException.notFound(Message.of("mandate.error.charter.none", String.valueOf(teamKey)));
    }

    private static ApiException stale(int currentVersion) {
        return ApiException.conflict(Message.of("mandate.error.charter.stale"),
                Map.of("version", currentVersion < 0 ? Message.of("mandate.error.version.gone")
                        : currentVersion == 0 ? Message.of("mandate.error.charter.createdMeanwhile")
                        : Message.of("mandate.error.version.stale", currentVersion)));
    }

    /** A version was given for a charter that does not exist (any more). */
    private static ApiException vanished() {
        return ApiException.conflict(Message.of("mandate.error.charter.stale"), Map.of("version", Message.of("mandate.error.version.gone")));
    }
}
