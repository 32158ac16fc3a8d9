package io.mandate.refhost.plugin;

/**
 * An OSGi version ({@code major.minor.micro.qualifier}, missing numbers are 0) and version ranges
 * ({@code [1.2,2)}, {@code (1,2]}, or a bare {@code 1.2} meaning "1.2 or later"), compared as the
 * OSGi core specification (3.2.5 and 3.2.6) compares them.
 */
public record OsgiVersion(int major, int minor, int micro, String qualifier) implements Comparable<OsgiVersion> {

    public static final OsgiVersion ZERO = new OsgiVersion(0, 0, 0, "");

    public static OsgiVersion parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return ZERO;
        }
        String[] parts = t.split("\\.", 4);
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            int micro = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
            String qualifier = parts.length > 3 ? parts[3] : "";
            if (major < 0 || minor < 0 || micro < 0 || !qualifier.matches("[A-Za-z0-9_-]*")) {
                throw new IllegalArgumentException("Not an OSGi version: " + text);
            }
            return new OsgiVersion(major, minor, micro, qualifier);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not an OSGi version: " + text, e);
        }
    }

    @Override
    public int compareTo(OsgiVersion o) {
        int c = Integer.compare(major, o.major);
        c = c != 0 ? c : Integer.compare(minor, o.minor);
        c = c != 0 ? c : Integer.compare(micro, o.micro);
        return c != 0 ? c : qualifier.compareTo(o.qualifier);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + micro + (qualifier.isEmpty() ? "" : "." + qualifier);
    }

    /** A version range; {@link #includes} says whether an exported version satisfies it. */
    public record Range(OsgiVersion floor, boolean floorIncluded, OsgiVersion ceiling, boolean ceilingIncluded) {

        /** What an import without a version attribute asks for: any version. */
        public static final Range ANY = new Range(ZERO, true, null, false);

        public static Range parse(String text) {
            String t = text.trim();
            if (t.startsWith("[") || t.startsWith("(")) {
                if (!(t.endsWith("]") || t.endsWith(")")) || !t.contains(",")) {
                    throw new IllegalArgumentException("Not an OSGi version range: " + text);
                }
                String[] ends = t.substring(1, t.length() - 1).split(",", -1);
                if (ends.length != 2) {
                    throw new IllegalArgumentException("Not an OSGi version range: " + text);
                }
                return new Range(OsgiVersion.parse(ends[0]), t.startsWith("["),
                        OsgiVersion.parse(ends[1]), t.endsWith("]"));
            }
            return new Range(OsgiVersion.parse(t), true, null, false);
        }

        public boolean includes(OsgiVersion v) {
            int low = v.compareTo(floor);
            if (low < 0 || (low == 0 && !floorIncluded)) {
                return false;
            }
            if (ceiling == null) {
                return true;
            }
            int high = v.compareTo(ceiling);
            return high < 0 || (high == 0 && ceilingIncluded);
        }

        @Override
        public String toString() {
            return ceiling == null ? floor.toString()
                    : (floorIncluded ? "[" : "(") + floor + "," + ceiling + (ceilingIncluded ? "]" : ")");
        }
    }
}
