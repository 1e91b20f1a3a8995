package io.storyline.alert.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.storyline.common.incident.IncidentEventType;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a rules file (YAML, or JSON, which is YAML too) into a {@link RuleSet}, collecting every mistake as one
 * readable line naming where it is. The syntax is described in the alert README.
 */
public final class RulesFile {

    public static final Set<String> EVENT_TYPES = Set.of(IncidentEventType.OPENED, IncidentEventType.ARTICLE_ADDED,
            IncidentEventType.ARTICLE_UPDATED, IncidentEventType.DUPLICATE_SEEN, IncidentEventType.CORROBORATED,
            IncidentEventType.MERGED, IncidentEventType.CLOSED);

    /** Entity types as a newsroom names them, to the types enrich writes. */
    static final Map<String, String> ENTITY_TYPES = orderedMap(
            "person", "PERSON", "organisation", "ORGANIZATION", "organization", "ORGANIZATION",
            "place", "LOCATION", "location", "LOCATION", "weapon", "WEAPON", "nationality", "NATIONALITY");

    private static final List<String> CONDITIONS = List.of("all", "any", "not", "event", "min_sources",
            "min_articles", "entity", "country", "place", "title_has", "field");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final YAMLMapper YAML = new YAMLMapper();

    private final List<String> mistakes = new ArrayList<>();
    private final Path file;

    private RulesFile(Path file) {
        this.file = file;
    }

    /**
     * Reads and checks the rules file at {@code file}; webhook secret files named relative to it are read from its
     * folder.
     *
     * @throws InvalidRulesException with one line per mistake
     */
    public static RuleSet read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidRulesException(file.toString(), List.of("the file does not exist"));
        } catch (IOException e) {
            throw new InvalidRulesException(file.toString(), List.of("cannot read it: " + e.getMessage()));
        }
        return new RulesFile(file).parse(content);
    }

    private RuleSet parse(byte[] content) {
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (JsonProcessingException e) {
            throw new InvalidRulesException(file.toString(), List.of("not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + location(e)));
        } catch (IOException e) {
            throw new InvalidRulesException(file.toString(), List.of("cannot read it: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRulesException(file.toString(), List.of("it must be a mapping with 'webhooks' and 'rules'"));
        }
        unknownKeys(root, "", Set.of("webhooks", "rules"));
        Map<String, Webhook> webhooks = webhooks(root.path("webhooks"));
        Set<String> declared = new LinkedHashSet<>();
        root.path("webhooks").fieldNames().forEachRemaining(declared::add);
        List<Rule> rules = rules(root.path("rules"), declared);
        if (!mistakes.isEmpty()) {
            throw new InvalidRulesException(file.toString(), mistakes);
        }
        return new RuleSet(rules, webhooks, "sha256:" + sha256(content).substring(0, 16));
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    // --- webhooks ---------------------------------------------------------------------------------------------

    private Map<String, Webhook> webhooks(JsonNode node) {
        Map<String, Webhook> webhooks = new LinkedHashMap<>();
        if (node.isMissingNode()) {
            mistakes.add("webhooks: missing; name at least one endpoint, e.g. webhooks: {desk: {url: ..., secret_file: ...}}");
            return webhooks;
        }
        if (!node.isObject()) {
            mistakes.add("webhooks: must map names to endpoints");
            return webhooks;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String where = "webhooks." + entry.getKey();
            if (!ID.matcher(entry.getKey()).matches()) {
                mistakes.add(where + ": a name is lower-case letters, digits, '.', '_' and '-'");
            }
            Webhook webhook = webhook(entry.getKey(), entry.getValue(), where);
            if (webhook != null) {
                webhooks.put(entry.getKey(), webhook);
            }
        }
        return webhooks;
    }

    private Webhook webhook(String name, JsonNode node, String where) {
        if (!node.isObject()) {
            mistakes.add(where + ": must be a mapping with url, format and secret_file");
            return null;
        }
        unknownKeys(node, where, Set.of("url", "format", "secret_file"));
        URI url = null;
        String text = node.path("url").asText(null);
        if (text == null || text.isBlank()) {
            mistakes.add(where + ".url: missing");
        } else {
            try {
                url = new URI(text.strip());
                if (!List.of("http", "https").contains(String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT))
                        || url.getHost() == null) {
                    mistakes.add(where + ".url: '" + text + "' is no http:// or https:// address");
                    url = null;
                }
            } catch (URISyntaxException e) {
                mistakes.add(where + ".url: '" + text + "' is no address: " + e.getReason());
            }
        }
        Webhook.Format format = Webhook.Format.JSON;
        String formatText = node.path("format").asText("json");
        switch (formatText.toLowerCase(Locale.ROOT)) {
            case "json" -> format = Webhook.Format.JSON;
            case "slack" -> format = Webhook.Format.SLACK;
            default -> mistakes.add(where + ".format: '" + formatText + "' is neither json nor slack");
        }
        byte[] key = null;
        String secretFile = node.path("secret_file").asText(null);
        if (secretFile != null) {
            key = signingKey(file.toAbsolutePath().getParent().resolve(secretFile), where + ".secret_file");
        } else if (format == Webhook.Format.JSON) {
            mistakes.add(where + ".secret_file: missing; JSON webhooks are signed (HMAC-SHA256), name the file "
                    + "holding the shared secret");
        }
        return url == null ? null : new Webhook(name, url, format, key);
    }

    /**
     * The HMAC key a secret file holds: a secret written {@code whsec_<base64>} (the Standard Webhooks form) is the
     * decoded bytes, any other the UTF-8 bytes of the text; surrounding white space is not part of it.
     */
    private byte[] signingKey(Path secretFile, String where) {
        String secret;
        try {
            secret = Files.readString(secretFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            mistakes.add(where + ": cannot read " + secretFile + " (" + e.getClass().getSimpleName() + ")");
            return null;
        }
        if (secret.length() < 16) {
            mistakes.add(where + ": the secret in " + secretFile + " is shorter than 16 characters");
            return null;
        }
        if (secret.startsWith("whsec_")) {
            try {
                return Base64.getDecoder().decode(secret.substring(6));
            } catch (IllegalArgumentException e) {
                mistakes.add(where + ": a whsec_ secret must be base64 after the prefix");
                return null;
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    // --- rules ------------------------------------------------------------------------------------------------

    private List<Rule> rules(JsonNode node, Set<String> webhookNames) {
        List<Rule> rules = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            mistakes.add("rules: must be a list of at least one rule");
            return rules;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode rule = node.get(i);
            String id = rule.path("id").asText(null);
            String where = "rules[" + i + "]" + (id == null ? "" : " (" + id + ")");
            if (!rule.isObject()) {
                mistakes.add(where + ": must be a mapping with id, when and notify");
                continue;
            }
            unknownKeys(rule, where, Set.of("id", "description", "when", "notify", "fire"));
            if (id == null || !ID.matcher(id).matches()) {
                mistakes.add(where + ".id: " + (id == null ? "missing" : "'" + id + "' is not lower-case letters, "
                        + "digits, '.', '_' and '-'"));
            } else if (!ids.add(id)) {
                mistakes.add(where + ".id: another rule has the id '" + id + "'");
            }
            Condition when = rule.has("when") ? condition(rule.get("when"), where + ".when")
                    : missing(where + ".when");
            List<String> notify = texts(rule.path("notify"), where + ".notify");
            if (notify.isEmpty() && rule.has("notify")) {
                mistakes.add(where + ".notify: name at least one webhook");
            } else if (!rule.has("notify")) {
                mistakes.add(where + ".notify: missing; name the webhooks its alerts go to");
            }
            notify.stream().filter(n -> !webhookNames.contains(n)).forEach(n -> mistakes.add(where
                    + ".notify: no webhook is named '" + n + "' (webhooks: " + String.join(", ", webhookNames) + ")"));
            Rule.Firing firing = Rule.Firing.ONCE_PER_INCIDENT;
            if (rule.has("fire")) {
                String text = rule.get("fire").asText();
                firing = switch (text) {
                    case "once_per_incident" -> Rule.Firing.ONCE_PER_INCIDENT;
                    case "every_event" -> Rule.Firing.EVERY_EVENT;
                    default -> {
                        mistakes.add(where + ".fire: '" + text + "' is neither once_per_incident nor every_event");
                        yield Rule.Firing.ONCE_PER_INCIDENT;
                    }
                };
            }
            if (id != null && when != null) {
                rules.add(new Rule(id, rule.path("description").asText(null), when, notify, firing));
            }
        }
        return rules;
    }

    private Condition missing(String where) {
        mistakes.add(where + ": missing; say what must hold, e.g. when: {event: CORROBORATED}");
        return null;
    }

    /** A condition is a mapping with exactly one key (a field comparison: {@code field} and one operator). */
    private Condition condition(JsonNode node, String where) {
        if (!node.isObject() || node.isEmpty()) {
            mistakes.add(where + ": a condition is a mapping such as {event: OPENED} or {all: [...]}");
            return null;
        }
        if (node.has("field")) {
            return field(node, where);
        }
        if (node.size() > 1) {
            mistakes.add(where + ": one condition per mapping, not " + fieldNames(node) + "; combine them with all: [...]");
            return null;
        }
        String kind = node.fieldNames().next();
        JsonNode value = node.get(kind);
        String at = where + "." + kind;
        return switch (kind) {
            case "all", "any" -> {
                if (!value.isArray() || value.isEmpty()) {
                    mistakes.add(at + ": must be a list of conditions");
                    yield null;
                }
                List<Condition> parts = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    parts.add(condition(value.get(i), at + "[" + i + "]"));
                }
                yield kind.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
            }
            case "not" -> {
                Condition inner = condition(value, at);
                yield inner == null ? null : new Condition.Not(inner);
            }
            case "event" -> {
                Set<String> types = new LinkedHashSet<>();
                for (String type : texts(value, at)) {
                    String upper = type.toUpperCase(Locale.ROOT);
                    if (EVENT_TYPES.contains(upper)) {
                        types.add(upper);
                    } else {
                        mistakes.add(at + ": '" + type + "' is no event type (" + String.join(", ",
                                EVENT_TYPES.stream().sorted().toList()) + ")");
                    }
                }
                yield new Condition.EventType(types);
            }
            case "min_sources", "min_articles" -> {
                if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
                    mistakes.add(at + ": must be a whole number of at least 1, not " + value);
                    yield null;
                }
                yield new Condition.AtLeast(kind.equals("min_sources") ? "source_count" : "article_count",
                        value.asInt());
            }
            case "entity" -> entity(value, at);
            case "country" -> new Condition.InCountry(names(value, at));
            case "place" -> new Condition.AtPlace(names(value, at));
            case "title_has" -> {
                List<String> words = texts(value, at);
                String alternatives = words.stream().map(w -> Pattern.quote(w.strip())).collect(Collectors.joining("|"));
                yield new Condition.TitleHas(words, Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives
                        + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            }
            default -> {
                mistakes.add(where + ": unknown condition '" + kind + "' (known: " + String.join(", ", CONDITIONS) + ")");
                yield null;
            }
        };
    }

    private Condition entity(JsonNode value, String at) {
        if (value.isTextual()) {
            return new Condition.EntityNamed(names(value, at), null);
        }
        if (!value.isObject()) {
            mistakes.add(at + ": a name, or a mapping with name (or names) and type");
            return null;
        }
        unknownKeys(value, at, Set.of("name", "names", "type"));
        Set<String> names = new LinkedHashSet<>();
        if (value.has("name")) {
            names.addAll(names(value.get("name"), at + ".name"));
        }
        if (value.has("names")) {
            names.addAll(names(value.get("names"), at + ".names"));
        }
        String type = null;
        if (value.has("type")) {
            type = ENTITY_TYPES.get(value.get("type").asText().toLowerCase(Locale.ROOT));
            if (type == null) {
                mistakes.add(at + ".type: '" + value.get("type").asText() + "' is none of "
                        + String.join(", ", new LinkedHashSet<>(ENTITY_TYPES.keySet())));
            }
        }
        if (names.isEmpty() && !value.has("type")) {
            mistakes.add(at + ": give a name, names or a type");
        }
        return new Condition.EntityNamed(names, type);
    }

    private Condition field(JsonNode node, String where) {
        String path = node.get("field").asText("");
        String at = where + ".field";
        List<String> operators = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!name.equals("field")) {
                operators.add(name);
            }
        });
        boolean onEvent = path.startsWith("event.");
        if (!onEvent && !path.startsWith("incident.") || path.endsWith(".") || path.contains("..")) {
            mistakes.add(at + ": '" + path + "' must be a path such as incident.key_facts.killed or event.source");
            return null;
        }
        if (operators.size() != 1 || !FieldTest.OPERATORS.contains(operators.get(0))) {
            mistakes.add(where + ": a field takes exactly one of " + String.join(", ", FieldTest.OPERATORS)
                    + (operators.isEmpty() ? "" : ", not " + operators));
            return null;
        }
        String operator = operators.get(0);
        JsonNode expected = node.get(operator);
        String problem = switch (operator) {
            case "exists" -> expected.isBoolean() ? null : "exists takes true or false";
            case "in" -> expected.isArray() && !expected.isEmpty() ? null : "in takes a list of values";
            case "gt", "gte", "lt", "lte" -> expected.isNumber() || expected.isTextual() ? null
                    : operator + " takes a number or a text";
            default -> expected.isValueNode() && !expected.isNull() ? null : operator + " takes a number or a text";
        };
        if (problem != null) {
            mistakes.add(where + "." + operator + ": " + problem);
            return null;
        }
        List<String> steps = List.of(path.substring(path.indexOf('.') + 1).split("\\."));
        return new Condition.Field(path, onEvent, steps, new FieldTest(operator, expected));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** A text or a list of texts, each non-blank. */
    private List<String> texts(JsonNode value, String at) {
        List<String> out = new ArrayList<>();
        if (value.isMissingNode()) {
            return out;
        }
        if (value.isValueNode() && !value.isNull()) {
            value = YAML.createArrayNode().add(value);
        }
        if (!value.isArray() || value.isEmpty()) {
            mistakes.add(at + ": a text or a list of texts");
            return out;
        }
        for (JsonNode element : value) {
            if (!element.isValueNode() || element.asText().isBlank()) {
                mistakes.add(at + ": '" + element + "' is no text");
            } else {
                out.add(element.asText());
            }
        }
        return out;
    }

    private Set<String> names(JsonNode value, String at) {
        return texts(value, at).stream().map(Facts::normalise).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private void unknownKeys(JsonNode node, String where, Set<String> known) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                mistakes.add((where.isEmpty() ? "" : where + ": ") + "unknown key '" + name + "' (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
