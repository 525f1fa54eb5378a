package dev.spoke;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** spoke's own version, as Maven wrote it into the jar at build time. */
public final class SpokeVersion {
    private static final String VERSION = load();

    private SpokeVersion() {
    }

    /** e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    /** The User-Agent spoke sends: {@code spoke/0.1.0}. */
    public static String userAgent() {
        return "spoke/" + VERSION;
    }

    private static String load() {
        try (InputStream in = SpokeVersion.class.getResourceAsStream("spoke-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
