package io.storyline.common.runtime;

import io.storyline.common.topic.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Settings of one Storyline process, resolved with the precedence
 * defaults &lt; properties file &lt; environment ({@code KAFKA_*}, {@code STORYLINE_*}) &lt; command-line flags.
 *
 * <p>Keys starting with {@code storyline.} are Storyline's own; every other key is a Kafka client or Streams
 * setting and is passed through unchanged. Environment names map to keys by lower-casing and turning
 * {@code _} into {@code .}: {@code KAFKA_BOOTSTRAP_SERVERS} is {@code bootstrap.servers},
 * {@code STORYLINE_INGEST_MAX_BODY_BYTES} is {@code storyline.ingest.max.body.bytes}. Storyline keys therefore
 * use dots only.
 */
public final class StorylineConfig {

    public static final String PREFIX = "storyline.";

    private final Map<String, String> values;
    /** Keys looked up, shared with every copy made by {@link #with} and {@link #withAll}. */
    private final Set<String> keysRead;

    private StorylineConfig(Map<String, String> values, Set<String> keysRead) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.keysRead = keysRead;
    }

    private StorylineConfig(Map<String, String> values) {
        this(values, ConcurrentHashMap.newKeySet());
    }

    public static StorylineConfig of(Map<String, String> values) {
        return new StorylineConfig(values);
    }

    /** Resolves the layers in precedence order; a null file means none was given. */
    public static StorylineConfig resolve(Map<String, String> defaults, Path propertiesFile,
                                          Map<String, String> environment, Map<String, String> flags) {
        Map<String, String> merged = new TreeMap<>(defaults);
        if (propertiesFile != null) {
            merged.putAll(readProperties(propertiesFile));
        }
        merged.putAll(fromEnvironment(environment));
        merged.putAll(flags);
        return new StorylineConfig(merged);
    }

    /** {@code KAFKA_*} and {@code STORYLINE_*} variables as keys; every other variable is ignored. */
    public static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> out = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && name.length() > 6) {
                out.put(envToKey(name.substring(6)), value);
            } else if (name.startsWith("STORYLINE_") && name.length() > 10) {
                out.put(PREFIX + envToKey(name.substring(10)), value);
            }
        });
        return out;
    }

    private static String envToKey(String rest) {
        return rest.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> out.put(name.trim(), properties.getProperty(name).trim()));
        return out;
    }

    public StorylineConfig with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new StorylineConfig(copy, keysRead);
    }

    /** Applies {@code overrides} on top of these settings. */
    public StorylineConfig withAll(Map<String, String> overrides) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.putAll(overrides);
        return new StorylineConfig(copy, keysRead);
    }

    /** The topic registry with the names these settings give ({@code storyline.topic.<key>}). */
    public Topics topics() {
        return Topics.defaults().renamed(key -> string(PREFIX + "topic." + key, null));
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** Every key that is not Storyline's own: the Kafka client and Streams settings. */
    public Map<String, Object> kafkaSettings() {
        Map<String, Object> out = new TreeMap<>();
        values.forEach((key, value) -> {
            if (!key.startsWith(PREFIX)) {
                out.put(key, value);
            }
        });
        return out;
    }

    /**
     * Every key looked up so far, through these settings or a copy of them, whether set or not: the settings the
     * code that ran actually reads (the deployment tests check manifests against it).
     */
    public Set<String> keysRead() {
        return new TreeSet<>(keysRead);
    }

    public String string(String key, String defaultValue) {
        keysRead.add(key);
        String value = values.get(key);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    public String required(String key) {
        String value = string(key, null);
        if (value == null) {
            throw new ConfigException("missing setting " + key + " (environment " + envNameOf(key) + ")");
        }
        return value;
    }

    public int integer(String key, int defaultValue) {
        String value = string(key, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigException("setting " + key + " must be a whole number, not '" + value + "'");
        }
    }

    public long longValue(String key, long defaultValue) {
        String value = string(key, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConfigException("setting " + key + " must be a whole number, not '" + value + "'");
        }
    }

    public double decimal(String key, double defaultValue) {
        String value = string(key, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new ConfigException("setting " + key + " must be a number, not '" + value + "'");
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        String value = string(key, null);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigException("setting " + key + " must be true or false, not '" + value + "'");
        };
    }

    /** An ISO-8601 duration ({@code PT30S}, {@code P3D}) or a number of milliseconds. */
    public Duration duration(String key, Duration defaultValue) {
        String value = string(key, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return value.chars().allMatch(Character::isDigit)
                    ? Duration.ofMillis(Long.parseLong(value))
                    : Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ConfigException("setting " + key + " must be an ISO-8601 duration such as PT30S or P3D, not '"
                    + value + "'");
        }
    }

    public static String envNameOf(String key) {
        String upper = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        return key.startsWith(PREFIX) ? upper : "KAFKA_" + upper;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
