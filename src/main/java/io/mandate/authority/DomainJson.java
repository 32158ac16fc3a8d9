package io.mandate.authority;

import java.util.List;

/** A domain as the REST contract shows it: {@code {"key","name","description","scope":{…},"version"}}. */
public record DomainJson(String key, String name, String description, ScopeJson scope, int version) {

    /** The scope rules: every list present, empty when the dimension is not used. */
    public record ScopeJson(List<String> projects, List<String> issueTypes, List<String> components,
                            List<String> labels, List<String> spaces) {
    }

    public static DomainJson of(Domain d) {
        DomainScope s = d.scope();
        return new DomainJson(d.key(), d.name(), d.description(),
                new ScopeJson(s.projects(), s.issueTypes(), s.components(), s.labels(), s.spaces()), d.version());
    }
}
