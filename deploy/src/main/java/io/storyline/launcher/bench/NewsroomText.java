package io.storyline.launcher.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The phrase book of {@link Newsroom}, read from {@code newsroom.txt}. */
record NewsroomText(List<Kind> kinds, List<String> generic, List<String> outlets, List<City> cities,
                    List<String> firstNames, List<String> lastNames) {

    /** A kind of event and how reporters write about it. */
    record Kind(String name, String role, String org, String facility, List<String> headlines, List<String> facts,
                List<String> quotes) {
    }

    /** A city, its country and some of its districts. */
    record City(String name, String country, List<String> districts) {
    }

    private static final Pattern KIND = Pattern.compile("\\[kind (\\S+) role=(.+?) org=(.+?) facility=(.+)]");

    static NewsroomText load() {
        try (InputStream in = NewsroomText.class.getResourceAsStream("newsroom.txt")) {
            if (in == null) {
                throw new IllegalStateException("newsroom.txt is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read newsroom.txt", e);
        }
    }

    static NewsroomText parse(List<String> lines) {
        List<Kind> kinds = new ArrayList<>();
        Map<String, List<String>> sections = Map.of("generic", new ArrayList<>(), "outlets", new ArrayList<>(),
                "cities", new ArrayList<>(), "first names", new ArrayList<>(), "last names", new ArrayList<>());
        Kind kind = null;
        List<String> section = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher start = KIND.matcher(line);
            if (start.matches()) {
                kind = new Kind(start.group(1), start.group(2).strip(), start.group(3).strip(),
                        start.group(4).strip(), new ArrayList<>(),
                        new ArrayList<>(), new ArrayList<>());
                kinds.add(kind);
                section = null;
            } else if (line.startsWith("[") && line.endsWith("]")) {
                kind = null;
                section = sections.get(line.substring(1, line.length() - 1));
                if (section == null) {
                    throw new IllegalStateException("newsroom.txt: unknown section " + line);
                }
            } else if (kind != null) {
                List<String> target = switch (line.substring(0, 2)) {
                    case "h:" -> kind.headlines();
                    case "f:" -> kind.facts();
                    case "q:" -> kind.quotes();
                    default -> throw new IllegalStateException("newsroom.txt: expected h:, f: or q: in " + line);
                };
                target.add(line.substring(2).strip());
            } else if (section != null) {
                section.add(line.startsWith("s:") ? line.substring(2).strip() : line);
            }
        }
        List<City> cities = sections.get("cities").stream().map(line -> {
            String[] parts = line.split("\\|");
            return new City(parts[0], parts[1], List.of(parts[2].split(",")));
        }).toList();
        return new NewsroomText(kinds, sections.get("generic"), sections.get("outlets"), cities,
                words(sections.get("first names")), words(sections.get("last names")));
    }

    private static List<String> words(List<String> lines) {
        return lines.stream().flatMap(line -> Arrays.stream(line.split("\\s+"))).toList();
    }
}
