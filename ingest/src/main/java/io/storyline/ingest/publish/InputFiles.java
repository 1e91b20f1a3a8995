package io.storyline.ingest.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The publisher's arguments as a list of inputs: files, directories (recursively, every file of a known
 * extension), glob patterns (for shells that pass them through, or quoted ones: {@code 'feeds/**.xml'}) and
 * {@code -} for standard input. What cannot be read is reported, not skipped in silence.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * @param inputs the inputs found, in argument order, each file once
     * @param rejected arguments or files that are no input, with why
     */
    public record Expansion(List<FeedInput> inputs, List<Rejection> rejected) {
    }

    public static Expansion expand(List<String> arguments) {
        List<FeedInput> inputs = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (String argument : arguments) {
            if (argument.equals(FeedInput.STDIN)) {
                inputs.add(FeedInput.stdin());
                continue;
            }
            Path path = Path.of(argument);
            List<Path> files;
            if (Files.isDirectory(path)) {
                files = walk(path, rejected).stream().filter(file -> !isHidden(file)).toList();
            } else if (Files.exists(path)) {
                files = List.of(path);
            } else if (isGlob(argument)) {
                files = glob(argument, rejected);
                if (files.isEmpty()) {
                    rejected.add(new Rejection(argument, "no-match", "no file matches this pattern"));
                }
            } else {
                rejected.add(new Rejection(argument, "not-found", "no such file or directory"));
                continue;
            }
            for (Path file : files) {
                if (!seen.add(file.toAbsolutePath().normalize())) {
                    continue;
                }
                FeedInput.typeOf(file).ifPresentOrElse(type -> inputs.add(new FeedInput(file, type)),
                        () -> rejected.add(new Rejection(file.toString(), "unknown-extension",
                                "unknown extension: publish .txt, .json, .jsonl, .xml, .rss, .atom or .html files")));
            }
        }
        return new Expansion(List.copyOf(inputs), List.copyOf(rejected));
    }

    private static boolean isGlob(String argument) {
        return argument.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** Walks from the longest directory prefix without wildcards and keeps what the whole pattern matches. */
    private static List<Path> glob(String pattern, List<Rejection> rejected) {
        String normalised = pattern.replace('\\', '/');
        int firstWildcard = normalised.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int at = normalised.indexOf(c);
            if (at >= 0) {
                firstWildcard = Math.min(firstWildcard, at);
            }
        }
        int slash = normalised.lastIndexOf('/', firstWildcard);
        // Files.walk("x") yields "x/…", so walking from the pattern's own prefix keeps paths matchable as written.
        Path base = slash < 0 ? Path.of("") : Path.of(slash == 0 ? "/" : normalised.substring(0, slash));
        Path walkFrom = base.toString().isEmpty() ? Path.of(".") : base;
        if (!Files.isDirectory(walkFrom)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalised);
        return walk(walkFrom, rejected).stream()
                .map(file -> base.toString().isEmpty() ? walkFrom.relativize(file) : file)
                .filter(matcher::matches)
                .toList();
    }

    /** Every regular file under {@code root}, sorted. */
    private static List<Path> walk(Path root, List<Rejection> rejected) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            rejected.add(new Rejection(root.toString(), "unreadable", "cannot list the directory: " + e.getMessage()));
            return List.of();
        }
    }

    private static boolean isHidden(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
