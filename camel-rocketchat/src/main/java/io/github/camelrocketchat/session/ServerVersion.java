package io.github.camelrocketchat.session;

/**
 * A Rocket.Chat version as {@code /api/info} reports it ({@code 7.5.1}, {@code 8.0.0-rc.1}, ...).
 *
 * @param major major
 * @param minor minor
 * @param patch patch
 */
public record ServerVersion(int major, int minor, int patch) implements Comparable<ServerVersion> {

    /** Parses the leading {@code major.minor.patch}; null when the text does not start with a version. */
    public static ServerVersion parse(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.trim().split("[.\\-+ ]", 4);
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? parseOrZero(parts[1]) : 0;
            int patch = parts.length > 2 ? parseOrZero(parts[2]) : 0;
            return new ServerVersion(major, minor, patch);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int parseOrZero(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean atLeast(int maj, int min) {
        return major > maj || (major == maj && minor >= min);
    }

    @Override
    public int compareTo(ServerVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
