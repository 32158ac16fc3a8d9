package io.mandate.charter;

import java.util.List;
import java.util.function.Function;

/**
 * A charter as the REST contract shows it: {@code {"teamKey","name","space","purpose","members":[{"name","role"}],
 * "domains":[…],"version"}} — members by their current username, so what GET returns can be sent back as it is.
 */
public record CharterJson(String teamKey, String name, String space, String purpose, List<MemberJson> members,
                          List<String> domains, int version) {

    /** One member: username and role. */
    public record MemberJson(String name, String role) {
    }

    /** @param nameOfKey the current username of a stored user key */
    public static CharterJson of(Charter c, Function<String, String> nameOfKey) {
        return new CharterJson(c.teamKey(), c.name(), c.spaceKey(), c.purpose(),
                c.members().stream().map(m -> new MemberJson(nameOfKey.apply(m.userKey()), m.role())).toList(),
                c.domains(), c.version());
    }
}
