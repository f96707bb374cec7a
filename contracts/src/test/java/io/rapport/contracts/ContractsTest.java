package io.rapport.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * Every event type has a schema, a sample that validates against it, a payload record that reads and
 * writes the sample faithfully, and a message in asyncapi.yaml; schemas only change compatibly with
 * their released baseline.
 */
class ContractsTest {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @TestFactory
    Stream<DynamicTest> everySampleValidatesAndRoundTripsThroughItsRecord() {
        return EventTypes.all().stream()
                .map(type -> DynamicTest.dynamicTest(type.name(), () -> {
                    JsonSchema schema = schema(type);
                    JsonNode sample = STRICT.readTree(resource("samples/" + type.name() + ".json"));
                    assertThat(errors(schema, sample)).as("sample of %s", type).isEmpty();

                    Object record = STRICT.treeToValue(sample, type.payload());
                    JsonNode written = STRICT.valueToTree(record);
                    assertThat(errors(schema, written))
                            .as("%s written by %s", type, type.payload().getSimpleName())
                            .isEmpty();
                }));
    }

    @Test
    void schemasRejectAnInvalidPayload() throws IOException {
        JsonSchema schema = schema(
                EventTypes.byName("rapport.customer.purchase-recorded.v1").orElseThrow());
        JsonNode bad = STRICT.readTree("{\"purchaseId\":\"not-a-uuid\",\"customerId\":\"x\",\"total\":\"12,5\"}");
        assertThat(errors(schema, bad)).isNotEmpty();
    }

    /**
     * Customer events must not carry personal data (issue 15): records stay in the topic and its dead-letter topic
     * for their retention, out of an erasure's reach; nor do the other services' events whose free text was retired. No payload record (nested records included) has a component
     * that holds a name, contact point, address or free text, and a schema refuses a payload that carries one of
     * the properties the released v1 schemas declared.
     */
    @TestFactory
    Stream<DynamicTest> customerEventsCarryNoPersonalData() {
        return EventTypes.all().stream()
                .filter(t -> t.topic().equals(Topics.CUSTOMER) || !retiredIn(t).isEmpty())
                .map(type -> DynamicTest.dynamicTest(type.name(), () -> {
                    assertThat(personalComponents(type.payload(), type.payload().getSimpleName()))
                            .as("personal fields of %s", type)
                            .isEmpty();
                    JsonNode sample = STRICT.readTree(resource("samples/" + type.name() + ".json"));
                    for (String retired : retiredIn(type)) {
                        com.fasterxml.jackson.databind.node.ObjectNode bad = sample.deepCopy();
                        com.fasterxml.jackson.databind.node.ObjectNode target = bad.has("customer")
                                ? (com.fasterxml.jackson.databind.node.ObjectNode) bad.get("customer")
                                : bad;
                        target.put(retired, "Ada Lovelace <ada@example.org>");
                        assertThat(errors(schema(type), bad))
                                .as("%s with %s", type, retired)
                                .isNotEmpty();
                    }
                }));
    }

    private static final Set<String> PERSONAL = Set.of(
            "displayname",
            "givenname",
            "familyname",
            "name",
            "companyname",
            "email",
            "emails",
            "primaryemail",
            "phone",
            "phones",
            "primaryphone",
            "address",
            "addressline1",
            "addressline2",
            "postalcode",
            "city",
            "street",
            "note",
            "notes",
            "reason",
            "description",
            "comment",
            "tags",
            "text",
            "source");

    /** Components whose name sounds personal but that carry a system code, never typed text (see their Javadoc). */
    private static final Set<String> SYSTEM_CODES = Set.of("CustomerStatusChanged.reason");

    private static List<String> personalComponents(Class<?> type, String path) {
        List<String> found = new java.util.ArrayList<>();
        if (!type.isRecord()) {
            return found;
        }
        for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
            if (PERSONAL.contains(c.getName().toLowerCase(java.util.Locale.ROOT))
                    && !SYSTEM_CODES.contains(path + "." + c.getName())) {
                found.add(path + "." + c.getName());
            }
            found.addAll(personalComponents(c.getType(), path + "." + c.getName()));
            if (c.getGenericType() instanceof java.lang.reflect.ParameterizedType p) {
                for (java.lang.reflect.Type arg : p.getActualTypeArguments()) {
                    if (arg instanceof Class<?> k) {
                        found.addAll(personalComponents(k, path + "." + c.getName() + "[]"));
                    }
                }
            }
        }
        return found;
    }

    private static List<String> retiredIn(EventType type) {
        if (type.payload() == io.rapport.contracts.customer.CustomerRegistered.class
                || type.payload() == io.rapport.contracts.customer.CustomerUpdated.class) {
            return io.rapport.contracts.customer.CustomerSnapshot.RETIRED_PERSONAL_FIELDS;
        }
        if (type.payload() == io.rapport.contracts.customer.CustomerMerged.class) {
            return List.of("reason");
        }
        if (type.payload() == io.rapport.contracts.customer.ConsentChanged.class) {
            return List.of("source");
        }
        if (type.payload() == io.rapport.contracts.customer.CostRecorded.class) {
            return List.of("note");
        }
        if (type.payload() == io.rapport.contracts.loyalty.MemberLeft.class) {
            return List.of("reason");
        }
        if (type.payload() == io.rapport.contracts.engagement.ComplaintResolved.class) {
            return List.of("resolution");
        }
        return List.of();
    }

    @Test
    void typeNamesAreUniqueVersionedAndOnTheirOwnersTopic() {
        Set<String> names = new HashSet<>();
        for (EventType t : EventTypes.all()) {
            assertThat(names.add(t.name())).as("duplicate %s", t).isTrue();
            assertThat(t.name()).matches("rapport\\.[a-z]+\\.[a-z-]+\\.v[0-9]+");
            String owner = t.name().split("\\.")[1];
            assertThat(t.topic()).isEqualTo(owner + ".events");
            assertThat(Topics.ALL).contains(t.topic());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void asyncApiDescribesEveryTypeWithItsSchema() throws IOException {
        Path doc = Path.of("asyncapi.yaml");
        Map<String, Object> api = new Yaml().load(Files.readString(doc));
        assertThat(api.get("asyncapi")).isEqualTo("3.0.0");
        Map<String, Object> messages =
                (Map<String, Object>) ((Map<String, Object>) api.get("components")).get("messages");
        Map<String, Object> channels = (Map<String, Object>) api.get("channels");
        for (EventType t : EventTypes.all()) {
            Map<String, Object> message = messages.values().stream()
                    .map(m -> (Map<String, Object>) m)
                    .filter(m -> t.name().equals(m.get("name")))
                    .findFirst()
                    .orElse(null);
            assertThat(message).as("asyncapi message named %s", t).isNotNull();
            String ref = (String) ((Map<String, Object>) message.get("payload")).get("$ref");
            assertThat(ref).endsWith(t.schemaPath());
            assertThat(Path.of(ref)).as("schema file of %s", t).exists();
            Map<String, Object> channel = channels.values().stream()
                    .map(c -> (Map<String, Object>) c)
                    .filter(c -> t.topic().equals(c.get("address")))
                    .findFirst()
                    .orElseThrow();
            String key = messages.entrySet().stream()
                    .filter(e -> e.getValue() == message)
                    .findFirst()
                    .orElseThrow()
                    .getKey();
            assertThat((Map<String, Object>) channel.get("messages"))
                    .as("channel %s lists %s", t.topic(), key)
                    .containsKey(key);
        }
        for (String topic : Topics.ALL) {
            assertThat(channels.values())
                    .as("channel for %s", topic)
                    .anyMatch(c -> topic.equals(((Map<String, Object>) c).get("address")));
            assertThat(channels.values())
                    .as("dead-letter channel for %s", topic)
                    .anyMatch(c -> Topics.dlq(topic).equals(((Map<String, Object>) c).get("address")));
        }
    }

    /**
     * A released schema (its copy under schema-baseline/) may gain optional properties and enum values,
     * never lose a property, change a property's type, drop an enum value or require something new.
     */
    @TestFactory
    Stream<DynamicTest> schemasOnlyChangeCompatibly() throws IOException {
        Path baselines = Path.of("src/test/resources/schema-baseline");
        List<Path> files;
        try (Stream<Path> s = Files.list(baselines)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    JsonNode old = STRICT.readTree(file.toFile());
                    Path current = Path.of("src/main/resources/schemas").resolve(file.getFileName());
                    assertThat(current)
                            .as("released schema %s must not be removed", file.getFileName())
                            .exists();
                    assertCompatible("$", old, STRICT.readTree(current.toFile()));
                }));
    }

    private static void assertCompatible(String path, JsonNode old, JsonNode now) {
        assertThat(now.path("type")).as("%s type", path).isEqualTo(old.path("type"));
        Set<String> oldRequired = texts(old.path("required"));
        assertThat(oldRequired)
                .as("%s: nothing new may become required", path)
                .containsAll(texts(now.path("required")));
        assertThat(texts(now.path("enum")))
                .as("%s: enum values may not be removed", path)
                .containsAll(texts(old.path("enum")));
        for (Iterator<Map.Entry<String, JsonNode>> it = old.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode mine = now.path("properties").path(p.getKey());
            assertThat(mine.isMissingNode())
                    .as("%s.%s was removed", path, p.getKey())
                    .isFalse();
            assertCompatible(path + "." + p.getKey(), p.getValue(), mine);
        }
        if (old.has("items")) {
            assertCompatible(path + "[]", old.path("items"), now.path("items"));
        }
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonSchema schema(EventType type) throws IOException {
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return FACTORY.getSchema(resource(type.schemaPath()), config);
    }

    private static Set<ValidationMessage> errors(JsonSchema schema, JsonNode node) {
        return schema.validate(node);
    }

    private static InputStream resource(String path) {
        InputStream in = ContractsTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as("classpath resource %s", path).isNotNull();
        return in;
    }
}
