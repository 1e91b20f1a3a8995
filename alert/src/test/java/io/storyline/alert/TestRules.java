package io.storyline.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rules files for tests: the rules, and the secret file {@code desk.secret} beside them that rules name. */
public final class TestRules {

    public static final String SECRET = "a-shared-secret-of-some-length";

    private TestRules() {
    }

    /** Writes {@code rules} to {@code dir/rules.yaml} and the secret to {@code dir/desk.secret}. */
    public static Path write(Path dir, String rules) {
        try {
            Files.writeString(dir.resolve("desk.secret"), SECRET, StandardCharsets.UTF_8);
            return Files.writeString(dir.resolve("rules.yaml"), rules, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
