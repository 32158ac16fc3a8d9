// Checked against the decompiled Confluence 8.7.2 source (code corpus): public class Space extends
// ConfluenceEntityObject implements Searchable, Addressable, with public constructors Space() and Space(String) and
// the bean properties key and name. Declared here as a plain bean without its supertypes (the plugin only reads the
// key and the name and never subclasses it); the reference host makes instances.
package com.atlassian.confluence.spaces;

/** A Confluence space (the core entity, not the REST model). */
public class Space {

    private String key;
    private String name;

    public Space() {
    }

    public Space(String spaceKey) {
        this.key = spaceKey;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
