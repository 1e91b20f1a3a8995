package io.storyline.alert.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules in force, read from the rules file at start and again whenever the file (or a secret file it names)
 * changes, without a restart. A change is looked for at most every {@code checkInterval}, by content, not by
 * time stamps (a Kubernetes ConfigMap is replaced through a symbolic link). A changed file with mistakes is
 * refused: the rules in force stay, each mistake is logged once, and {@link #failedReloads()} counts it.
 */
public final class RuleBook {

    private static final Logger LOG = LoggerFactory.getLogger(RuleBook.class);
    /** Finds the secret files without parsing: a file with mistakes still names them. */
    private static final Pattern SECRET_FILE = Pattern.compile("secret_file\\s*:\\s*[\"']?([^\"'\\s#,}]+)");

    private final Path file;
    private final Duration checkInterval;
    private final Clock clock;
    private final AtomicLong failedReloads = new AtomicLong();
    private volatile RuleSet current;
    private String fingerprint;
    private Instant nextCheck;

    private RuleBook(Path file, Duration checkInterval, Clock clock, RuleSet first, String fingerprint) {
        this.file = file;
        this.checkInterval = checkInterval;
        this.clock = clock;
        this.current = first;
        this.fingerprint = fingerprint;
        this.nextCheck = clock.instant().plus(checkInterval);
    }

    /**
     * Reads the rules file.
     *
     * @throws InvalidRulesException with one line per mistake
     */
    public static RuleBook load(Path file, Duration checkInterval, Clock clock) {
        String fingerprint = fingerprintOf(file);
        return new RuleBook(file, checkInterval, clock, RulesFile.read(file), fingerprint);
    }

    public RuleSet current() {
        return current;
    }

    public Path file() {
        return file;
    }

    /** Changed files that were refused for their mistakes since the start. */
    public long failedReloads() {
        return failedReloads.get();
    }

    /** Reads the file again if it changed and the check interval has passed; cheap to call often. */
    public synchronized void refresh() {
        Instant now = clock.instant();
        if (now.isBefore(nextCheck)) {
            return;
        }
        nextCheck = now.plus(checkInterval);
        String seen = fingerprintOf(file);
        if (seen.equals(fingerprint)) {
            return;
        }
        fingerprint = seen;
        try {
            RuleSet next = RulesFile.read(file);
            current = next;
            LOG.info("rules reloaded from {}: version {}, {} rules, webhooks {}", file, next.version(),
                    next.rules().size(), next.webhooks().values());
        } catch (InvalidRulesException e) {
            failedReloads.incrementAndGet();
            LOG.warn("the changed rules file {} is refused, the rules of version {} stay in force:", file,
                    current.version());
            e.mistakes().forEach(mistake -> LOG.warn("  {}", mistake));
        }
    }

    /** A hash of the rules file and of the secret files it names: what a change is seen by. */
    private static String fingerprintOf(Path file) {
        StringBuilder content = new StringBuilder(read(file));
        Matcher secretFile = SECRET_FILE.matcher(content);
        List<Path> secrets = new ArrayList<>();
        while (secretFile.find()) {
            secrets.add(file.toAbsolutePath().getParent().resolve(secretFile.group(1)));
        }
        secrets.forEach(secret -> content.append('\u0000').append(read(secret)));
        return RulesFile.sha256(content.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "\u0000unreadable:" + e.getClass().getSimpleName();
        }
    }
}
